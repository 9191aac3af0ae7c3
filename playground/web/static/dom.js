// Building DOM safely: text always goes in as text nodes, attributes through setAttribute; nothing from the
// bot or a member is ever parsed as HTML.

/** An element with attributes (false/null/undefined skipped, true → empty) and children (strings become text). */
export function h(tag, attrs = {}, ...children) {
	const el = document.createElement(tag);
	for (const [key, value] of Object.entries(attrs ?? {})) {
		if (value === false || value === null || value === undefined) continue;
		if (key === 'class') el.className = value;
		else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
		else el.setAttribute(key, value === true ? '' : String(value));
	}
	append(el, children);
	return el;
}

/** Append children (nodes, strings as text, arrays flattened, null skipped). */
export function append(el, children) {
	for (const child of children.flat(Infinity)) {
		if (child === null || child === undefined || child === false) continue;
		el.append(child instanceof Node ? child : document.createTextNode(String(child)));
	}
	return el;
}

const COLOURS = ['#5865f2', '#3ba55c', '#faa61a', '#ed4245', '#eb459e', '#747f8d'];

function xmlText(text) {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A round avatar with the name's initials, as a data: URL (no picture is fetched from anywhere). */
export function avatar(name, bot = false) {
	const words = String(name || '?').trim().split(/\s+/);
	const initials = (words.length > 1 ? words[0][0] + words[1][0] : words[0].slice(0, 2)).toUpperCase();
	let hash = 0;
	for (const c of String(name)) hash = (hash * 31 + c.codePointAt(0)) >>> 0;
	const fill = bot ? '#5865f2' : COLOURS[hash % COLOURS.length];
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><circle cx="20" cy="20" r="20" fill="${fill}"/>`
		+ `<text x="20" y="25.5" font-family="sans-serif" font-size="15" font-weight="600" fill="#fff" text-anchor="middle">${xmlText(initials)}</text></svg>`;
	return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** An http(s) URL, or null (a javascript: or data: link from the bot is never made clickable). */
export function safeUrl(url) {
	try {
		const parsed = new URL(String(url), location.href);
		return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
	} catch {
		return null;
	}
}

/** "Today at 14:03" or "06/12/2025 14:03", as Discord labels a message. */
export function when(seconds) {
	const date = new Date(seconds * 1000);
	const time = date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
	const today = new Date();
	return date.toDateString() === today.toDateString() ? `Today at ${time}` : `${date.toLocaleDateString()} ${time}`;
}

/** "1.2 MB" for a byte count. */
export function size(bytes) {
	const units = ['bytes', 'KB', 'MB', 'GB'];
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit += 1;
	}
	return [unit === 0 ? String(value) : value.toFixed(value < 10 ? 2 : 1), units[unit]];
}
