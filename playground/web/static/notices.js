// What the page says about the playground itself: the emulated pictures, the spend, and every request of the bot
// that the stand-in refused as Discord would (shown, never hidden).
import { h } from './dom.js';

const KEEP = 30;

/** "PATCH /webhooks/…/messages/@original → 400 Invalid Form Body" and its detail lines. */
export function refusalText(r) {
	const head = `${r.method} ${r.path} → ${r.status} ${r.message}`.trim();
	const details = [...r.details];
	if (r.retry_after !== null && r.retry_after !== undefined) details.push(`retry after ${Number(r.retry_after).toFixed(2)} s`);
	return { head, details };
}

export class Notices {
	constructor(panel, toasts, badge) {
		this.panel = panel;
		this.list = panel.querySelector('ul');
		this.toasts = toasts;
		this.badge = badge;
		this.count = 0;
		panel.querySelector('.refusals-close').addEventListener('click', () => { panel.hidden = true; });
		badge.addEventListener('click', () => { panel.hidden = !panel.hidden; });
	}

	refused(refusals) {
		for (const r of refusals) {
			const { head, details } = refusalText(r);
			this.count += 1;
			const item = h('li', { class: 'refusal' }, h('div', { class: 'refusal-head' }, head), details.map((d) => h('div', { class: 'refusal-detail' }, d)));
			this.list.prepend(item);
			while (this.list.children.length > KEEP) this.list.lastElementChild.remove();
			const toast = h('div', { class: 'toast refusal-toast', role: 'alert' },
				h('strong', {}, 'Discord refused a request'), h('div', { class: 'refusal-head' }, head), details.map((d) => h('div', { class: 'refusal-detail' }, d)),
				h('button', { type: 'button', class: 'toast-close', 'aria-label': 'Dismiss', onclick: () => toast.remove() }, '×'));
			this.toasts.prepend(toast);
			while (this.toasts.children.length > 4) this.toasts.lastElementChild.remove();
		}
		this.badge.textContent = `${this.count} refused`;
		this.badge.hidden = this.count === 0;
	}
}

/** The header's spend: "Spent $0.078 of $1" when a real key is used. */
export function showSpend(el, spend) {
	if (!spend) {
		el.hidden = true;
		return;
	}
	const parts = [`Spent ${spend.total} this run`];
	if (spend.day) parts.push(`${spend.day} in 24 h`);
	if (spend.budget) parts.push(`budget ${spend.budget}`);
	el.textContent = parts.join(' · ');
	el.title = 'Real pictures from your OpenRoute key cost money';
	el.hidden = false;
}
