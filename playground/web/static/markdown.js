// Discord's markdown, rendered safely: the text is parsed into DOM nodes (text nodes, known tags, http(s) links
// only), never into HTML. Mentions show names and ping nobody.
import { h, safeUrl } from './dom.js';

const INLINE = [
	['escape', /\\([^A-Za-z0-9\s])/y],
	['code', /(`+)([\s\S]*?[^`])\1(?!`)/y],
	['spoiler', /\|\|([\s\S]+?)\|\|/y],
	['bold', /\*\*([\s\S]+?)\*\*(?!\*)/y],
	['underline', /__([\s\S]+?)__(?!_)/y],
	['italic', /\*(?=\S)([\s\S]*?\S)\*(?!\*)/y],
	['italic', /_(?=\S)([\s\S]*?\S)_(?![A-Za-z0-9_])/y],
	['strike', /~~([\s\S]+?)~~/y],
	['masked', /\[([^\[\]\n]+)\]\(\s*<?(https?:\/\/[^\s<>()]+)>?\s*\)/y],
	['url', /<?(https?:\/\/[^\s<>]*[^\s<>.,:;"')\]])>?/y],
	['user', /<@!?(\d+)>/y],
	['role', /<@&(\d+)>/y],
	['channel', /<#(\d+)>/y],
	['time', /<t:(-?\d{1,13})(?::([tTdDfFR]))?>/y],
	['emoji', /<a?:(\w{2,32}):\d+>/y],
	['everyone', /@(everyone|here)\b/y],
];

function timestamp(seconds, style) {
	const date = new Date(Number(seconds) * 1000);
	if (Number.isNaN(date.getTime())) return `<t:${seconds}>`;
	if (style === 'R') {
		const diff = Math.round((date.getTime() - Date.now()) / 1000);
		const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
		for (const [unit, span] of [['year', 31536000], ['month', 2592000], ['day', 86400], ['hour', 3600], ['minute', 60]]) {
			if (Math.abs(diff) >= span) return rtf.format(Math.round(diff / span), unit);
		}
		return rtf.format(diff, 'second');
	}
	const options = {
		t: { timeStyle: 'short' }, T: { timeStyle: 'medium' }, d: { dateStyle: 'short' }, D: { dateStyle: 'long' },
		f: { dateStyle: 'long', timeStyle: 'short' }, F: { dateStyle: 'full', timeStyle: 'short' },
	}[style || 'f'];
	return new Intl.DateTimeFormat(undefined, options).format(date);
}

function spoiler(children) {
	const el = h('span', { class: 'md-spoiler', role: 'button', tabindex: '0', title: 'Spoiler' }, children);
	el.addEventListener('click', () => el.classList.add('revealed'));
	return el;
}

/** Inline markdown of `text` as an array of nodes; `names` maps mention ids to names. */
export function inline(text, names = {}, depth = 0) {
	const out = [];
	let buffer = '';
	let i = 0;
	const flush = () => {
		if (buffer) out.push(...lines(buffer));
		buffer = '';
	};
	while (i < text.length) {
		let matched = null;
		for (const [kind, re] of INLINE) {
			if (depth > 6 && kind !== 'escape' && kind !== 'code') continue;
			re.lastIndex = i;
			const m = re.exec(text);
			if (m) {
				matched = [kind, m];
				break;
			}
		}
		if (!matched) {
			buffer += text[i];
			i += 1;
			continue;
		}
		const [kind, m] = matched;
		flush();
		out.push(node(kind, m, names, depth));
		i += m[0].length;
	}
	flush();
	return out;
}

function lines(text) {
	const parts = text.split('\n');
	return parts.flatMap((part, index) => (index === 0 ? [part] : [h('br'), part]));
}

function node(kind, m, names, depth) {
	const inner = (s) => inline(s, names, depth + 1);
	switch (kind) {
		case 'escape': return m[1];
		case 'code': return h('code', { class: 'md-code' }, m[2].replace(/^ (.*) $/s, '$1'));
		case 'spoiler': return spoiler(inner(m[1]));
		case 'bold': return h('strong', {}, inner(m[1]));
		case 'underline': return h('u', {}, inner(m[1]));
		case 'italic': return h('em', {}, inner(m[1]));
		case 'strike': return h('s', {}, inner(m[1]));
		case 'masked': {
			const href = safeUrl(m[2]);
			return href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer nofollow', title: href }, inner(m[1])) : m[0];
		}
		case 'url': {
			const href = safeUrl(m[1]);
			return href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer nofollow' }, m[1]) : m[0];
		}
		case 'user': return h('span', { class: 'md-mention' }, `@${names.users?.[m[1]] ?? 'unknown-user'}`);
		case 'role': return h('span', { class: 'md-mention' }, `@${names.roles?.[m[1]] ?? 'deleted-role'}`);
		case 'channel': return h('span', { class: 'md-mention' }, `#${names.channels?.[m[1]] ?? 'unknown'}`);
		case 'time': return h('span', { class: 'md-time', title: new Date(Number(m[1]) * 1000).toString() }, timestamp(m[1], m[2]));
		case 'emoji': return `:${m[1]}:`;
		case 'everyone': return h('span', { class: 'md-mention' }, m[0]);
		default: return m[0];
	}
}

/** Block markdown (code blocks, headings, subtext, quotes, lists) of a message's or embed's text. */
export function markdown(text, names = {}) {
	const root = document.createDocumentFragment();
	const pieces = String(text ?? '').split(/(```[\s\S]*?```)/);
	for (const piece of pieces) {
		if (!piece) continue;
		const fence = /^```([A-Za-z0-9_+-]*\n)?([\s\S]*?)```$/.exec(piece);
		if (fence && piece.length > 6) {
			root.append(h('pre', { class: 'md-pre' }, h('code', {}, fence[2].replace(/\n$/, ''))));
			continue;
		}
		blocks(piece, names, root);
	}
	return root;
}

function blocks(text, names, root) {
	const all = text.split('\n');
	let paragraph = [];
	let list = null;
	const endParagraph = () => {
		if (paragraph.length) root.append(h('div', { class: 'md-p' }, inline(paragraph.join('\n'), names)));
		paragraph = [];
	};
	const endList = () => {
		if (list) root.append(list);
		list = null;
	};
	for (let index = 0; index < all.length; index += 1) {
		const line = all[index];
		let m;
		if (line.startsWith('>>> ')) {
			endParagraph(); endList();
			const rest = [line.slice(4), ...all.slice(index + 1)].join('\n');
			root.append(h('blockquote', { class: 'md-quote' }, inline(rest, names)));
			return;
		}
		if ((m = /^> ?(.*)$/.exec(line)) && line.startsWith('>')) {
			endParagraph(); endList();
			const quoted = [m[1]];
			while (index + 1 < all.length && all[index + 1].startsWith('>') && !all[index + 1].startsWith('>>> ')) {
				index += 1;
				quoted.push(all[index].replace(/^> ?/, ''));
			}
			root.append(h('blockquote', { class: 'md-quote' }, inline(quoted.join('\n'), names)));
		} else if ((m = /^(#{1,3}) (.+)$/.exec(line))) {
			endParagraph(); endList();
			root.append(h(`h${m[1].length}`, { class: 'md-h' }, inline(m[2], names)));
		} else if ((m = /^-# (.+)$/.exec(line))) {
			endParagraph(); endList();
			root.append(h('div', { class: 'md-subtext' }, inline(m[1], names)));
		} else if ((m = /^(\s*)(?:[-*]|(\d{1,9})\.) (.+)$/.exec(line))) {
			endParagraph();
			const ordered = m[2] !== undefined;
			const tag = ordered ? 'ol' : 'ul';
			if (!list || list.tagName.toLowerCase() !== tag) {
				endList();
				list = h(tag, { class: 'md-list', start: ordered ? m[2] : null });
			}
			list.append(h('li', { class: m[1].length >= 2 ? 'md-nested' : null }, inline(m[3], names)));
		} else {
			endList();
			paragraph.push(line);
		}
	}
	endParagraph();
	endList();
}
