// The list that pops up above the message box (commands, choices, autocomplete results), navigable by mouse and
// by the arrow keys, Enter or Tab.
import { h } from './dom.js';

export class Popup {
	constructor(container) {
		this.container = container;
		this.items = [];
		this.active = -1;
		this.onPick = null;
		this.hide();
	}

	/** Show `items` ({label, detail?, value}) under a `title`; `onPick(item)` runs when one is chosen. */
	show(title, items, onPick, { empty = null, error = null } = {}) {
		this.items = items;
		this.onPick = onPick;
		this.active = items.length ? 0 : -1;
		const rows = items.map((item, index) => {
			const row = h('li', { class: 'popup-item', role: 'option', 'data-value': String(item.value ?? ''), 'data-index': index },
				h('span', { class: 'popup-label' }, item.label),
				item.detail ? h('span', { class: 'popup-detail' }, item.detail) : null);
			row.addEventListener('mousedown', (event) => event.preventDefault()); // keep the field focused
			row.addEventListener('click', () => this.pick(index));
			row.addEventListener('mousemove', () => this.highlight(index));
			return row;
		});
		const notes = [];
		if (error) notes.push(h('li', { class: 'popup-error' }, error));
		else if (!items.length && empty) notes.push(h('li', { class: 'popup-empty' }, empty));
		this.container.replaceChildren(h('div', { class: 'popup-title' }, title), h('ul', { role: 'listbox' }, rows, notes));
		this.container.hidden = false;
		this.highlight(this.active);
	}

	hide() {
		this.container.hidden = true;
		this.container.replaceChildren();
		this.items = [];
		this.active = -1;
		this.onPick = null;
	}

	get open() {
		return !this.container.hidden;
	}

	highlight(index) {
		this.active = index;
		this.container.querySelectorAll('.popup-item').forEach((el, i) => el.classList.toggle('active', i === index));
		this.container.querySelector('.popup-item.active')?.scrollIntoView({ block: 'nearest' });
	}

	pick(index) {
		const item = this.items[index];
		const onPick = this.onPick;
		if (item && onPick) onPick(item);
	}

	/** Arrow keys move, Enter / Tab pick; returns whether the key was used. */
	key(event) {
		if (!this.open || !this.items.length) return false;
		if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
			const step = event.key === 'ArrowDown' ? 1 : -1;
			this.highlight((this.active + step + this.items.length) % this.items.length);
			return true;
		}
		if ((event.key === 'Enter' || event.key === 'Tab') && this.active >= 0) {
			this.pick(this.active);
			return true;
		}
		return false;
	}
}
