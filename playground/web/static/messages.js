// The channel's messages, kept in order and re-rendered one at a time as the live feed says they changed.
// Rendering uses the bundled Discord web components (message, command header, embed, attachments, buttons).
import { append, avatar, h, safeUrl, size, when } from './dom.js';
import { markdown } from './markdown.js';
import { componentRows } from './components.js';

const GROUP_SECONDS = 7 * 60;

function imageBox(width, height, max = 400) {
	if (!width || !height) return [max, max];
	const scale = Math.min(1, max / width, max / height);
	return [Math.round(width * scale), Math.round(height * scale)];
}

function attachments(message) {
	const items = message.attachments.map((a) => {
		if (a.image && /\.(bmp|jpe?g|png|gif|webp|tiff)$/i.test(a.url)) {
			const [width, height] = imageBox(a.width, a.height);
			const img = h('discord-image-attachment', {
				url: a.url, width, height, alt: a.description ?? a.filename, 'data-filename': a.filename,
			});
			if (!a.spoiler) return img;
			const wrap = h('div', { class: 'spoiler-media', role: 'button', tabindex: '0', title: 'Spoiler: click to show' },
				img, h('span', { class: 'spoiler-label' }, 'SPOILER'));
			wrap.addEventListener('click', () => wrap.classList.add('revealed'));
			return wrap;
		}
		const [amount, unit] = size(a.size);
		const card = h('discord-file-attachment', {
			name: a.filename, bytes: amount, 'bytes-unit': unit, href: a.url, target: '_blank', rel: 'noopener',
			'data-filename': a.filename,
		});
		if (!a.spoiler) return card;
		const wrap = h('div', { class: 'spoiler-media', role: 'button', tabindex: '0' }, card, h('span', { class: 'spoiler-label' }, 'SPOILER'));
		wrap.addEventListener('click', () => wrap.classList.add('revealed'));
		return wrap;
	});
	return items.length ? h('discord-attachments', { slot: 'attachments' }, items) : null;
}

function embed(e, names) {
	const el = h('discord-embed', {
		slot: 'embeds', color: e.color, 'embed-title': e.title, url: safeUrl(e.url), 'author-name': e.author,
		image: e.image?.url, thumbnail: e.thumbnail?.url,
	});
	if (e.description) append(el, [h('discord-embed-description', { slot: 'description' }, markdown(e.description, names))]);
	if (e.fields.length) {
		append(el, [h('discord-embed-fields', { slot: 'fields' }, e.fields.map((f) =>
			h('discord-embed-field', { 'field-title': f.name, 'inline': f.inline }, markdown(f.value, names))))]);
	}
	if (e.footer) append(el, [h('discord-embed-footer', { slot: 'footer' }, e.footer)]);
	return el;
}

function commandHeader(message) {
	const it = message.interaction;
	if (!it) return null;
	if (it.command_type === 1) {
		return h('discord-command', { slot: 'reply', author: it.user, avatar: avatar(it.user), command: `/${it.name}` });
	}
	return h('div', { slot: 'reply', class: 'context-command' }, h('strong', {}, it.user), ' used ', h('span', { class: 'context-name' }, it.name));
}

/** Renders and orders the watched channel's messages. */
export class MessageList {
	constructor(container, actions) {
		this.container = container;
		this.actions = actions;
		this.items = new Map(); // id -> {data, el}
		this.dismissed = new Set();
		this.stuck = true; // the view follows the newest message until the visitor scrolls up
		const scroller = container.parentElement;
		scroller.addEventListener('scroll', () => {
			this.stuck = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 80;
		});
		new ResizeObserver(() => { if (this.stuck) scroller.scrollTop = scroller.scrollHeight; }).observe(container);
	}

	reset() {
		this.stuck = true;
		this.items.clear();
		this.container.replaceChildren();
	}

	upsert(messages) {
		for (const data of messages) {
			if (this.dismissed.has(data.id)) continue;
			this.items.set(data.id, { data, el: null });
		}
		this.render();
	}

	remove(ids) {
		for (const id of ids) this.items.delete(id);
		this.render();
	}

	ordered() {
		return [...this.items.values()].sort((a, b) => a.data.time - b.data.time || (a.data.id < b.data.id ? -1 : 1));
	}

	render() {
		const nodes = [];
		let previous = null;
		for (const item of this.ordered()) {
			const grouped = previous && !item.data.interaction && !item.data.failure && !previous.failure
				&& previous.author?.id === item.data.author?.id && item.data.time - previous.time < GROUP_SECONDS;
			const key = JSON.stringify([item.data, Boolean(grouped)]);
			if (!item.el || item.key !== key) {
				item.el = this.build(item.data, grouped);
				item.key = key;
			}
			nodes.push(item.el);
			previous = item.data;
		}
		const current = [...this.container.children];
		if (current.length !== nodes.length || current.some((el, i) => el !== nodes[i])) this.container.replaceChildren(...nodes);
		if (this.stuck) this.container.parentElement.scrollTop = this.container.parentElement.scrollHeight;
	}

	build(data, grouped) {
		if (data.failure) return this.buildFailure(data);
		const author = data.author;
		const el = h('discord-message', {
			author: author.name, avatar: avatar(author.name, author.bot), bot: author.bot, edited: data.edited && !data.loading,
			ephemeral: data.ephemeral, 'message-body-only': grouped, timestamp: when(data.time),
		});
		el.dismissMessageClicked = () => this.dismiss(data.id);
		if (!grouped) append(el, [commandHeader(data)]);
		if (data.loading) {
			append(el, [h('span', { class: 'thinking' }, `${author.name} is thinking`, h('span', { class: 'dots' }, '…'))]);
		} else if (data.content) {
			append(el, [h('div', { class: 'content' }, markdown(data.content, data.names))]);
		}
		append(el, [attachments(data), ...data.embeds.map((e) => embed(e, data.names)), componentRows(data, this.actions)]);
		const wrap = h('div', { class: 'message', 'data-message-id': data.id, 'data-author': author.username, ...(data.loading ? { 'data-loading': '' } : {}) }, el);
		if (!data.loading) wrap.append(this.actions.menu(data));
		return wrap;
	}

	buildFailure(data) {
		const el = h('discord-message', { author: this.actions.botName(), avatar: avatar(this.actions.botName(), true), bot: true, ephemeral: true, timestamp: when(data.time) });
		el.dismissMessageClicked = () => this.dismiss(data.id);
		if (data.interaction) {
			append(el, [h('discord-command', { slot: 'reply', author: data.interaction.user, avatar: avatar(data.interaction.user), command: `/${data.interaction.name}` })]);
		}
		append(el, [h('div', { class: 'failure' }, data.failure)]);
		return h('div', { class: 'message failed', 'data-message-id': data.id }, el);
	}

	dismiss(id) {
		this.dismissed.add(id);
		this.items.delete(id);
		this.render();
	}

	/** The message's data (for the composer's and the menu's needs). */
	get(id) {
		return this.items.get(id)?.data ?? null;
	}
}
