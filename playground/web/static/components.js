// A message's components: action rows of buttons (styles, emoji, disabled, link buttons) and select menus.
// Pressing one calls `actions.press(message, customId, values)`; what the bot does then arrives by the live feed.
import { h, safeUrl } from './dom.js';

const BUTTON_TYPES = { 1: 'primary', 2: 'secondary', 3: 'success', 4: 'destructive', 5: 'secondary', 6: 'primary' };

function emojiText(emoji) {
	if (!emoji) return null;
	if (emoji.id) return `:${emoji.name ?? 'emoji'}:`;
	return emoji.name ?? null;
}

function button(message, component, actions) {
	const link = component.style === 5 ? safeUrl(component.url) : null;
	const emoji = emojiText(component.emoji);
	const el = h('discord-button', {
		type: BUTTON_TYPES[component.style] ?? 'secondary',
		disabled: Boolean(component.disabled),
		url: link,
		'data-custom-id': component.custom_id ?? null,
	}, emoji ? h('span', { class: 'button-emoji' }, emoji) : null, component.label ?? '');
	if (component.style !== 5 && component.custom_id) {
		el.addEventListener('click', () => {
			if (!component.disabled && !el.classList.contains('busy')) actions.press(message, component.custom_id, null, el);
		});
	}
	return el;
}

function select(message, component, actions) {
	const low = component.min_values ?? 1;
	const high = component.max_values ?? 1;
	const options = component.options ?? [];
	const field = h('select', {
		class: 'select-menu',
		'data-custom-id': component.custom_id,
		multiple: high > 1,
		disabled: Boolean(component.disabled) || component.type !== 3,
		size: high > 1 ? Math.min(options.length, 6) : null,
		'aria-label': component.placeholder ?? 'Make a selection',
	});
	if (high <= 1) field.append(h('option', { value: '', disabled: true, selected: !options.some((o) => o.default) }, component.placeholder ?? 'Make a selection'));
	for (const option of options) {
		const label = [emojiText(option.emoji), option.label].filter(Boolean).join(' ');
		field.append(h('option', { value: option.value, selected: Boolean(option.default), title: option.description ?? null }, label));
	}
	if (component.type !== 3) {
		return h('div', { class: 'select-wrap' }, field, h('div', { class: 'select-note' }, 'This kind of select is not supported in the playground'));
	}
	const send = () => {
		const values = [...field.selectedOptions].map((o) => o.value).filter((v) => v !== '');
		if (values.length >= low && values.length <= high) actions.press(message, component.custom_id, values, field);
	};
	if (high <= 1) {
		field.addEventListener('change', send);
		return h('div', { class: 'select-wrap' }, field);
	}
	const apply = h('button', { class: 'select-apply', type: 'button', onclick: send }, `Choose (${low}–${high})`);
	return h('div', { class: 'select-wrap' }, field, apply);
}

/** The rows of a message's components (legacy layout; a Components v2 message shows its rows' buttons too). */
export function componentRows(message, actions) {
	const rows = [];
	for (const row of message.components ?? []) {
		if (row?.type !== 1) continue;
		const items = (row.components ?? []).map((c) => {
			if (c.type === 2) return button(message, c, actions);
			if ([3, 5, 6, 7, 8].includes(c.type)) return select(message, c, actions);
			return null;
		}).filter(Boolean);
		if (items.length) rows.push(h('discord-action-row', {}, items));
	}
	return rows.length ? h('discord-attachments', { slot: 'components' }, rows) : null;
}
