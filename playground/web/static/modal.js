// A modal the bot opened (interaction callback type 9), shown only to the member who pressed: its text inputs
// (short or paragraph, prefilled, required, length limits) and string selects; Submit sends what was typed.
import * as api from './api.js';
import { h } from './dom.js';

function inputs(components) {
	const found = [];
	for (const component of components ?? []) {
		if (component.type === 1) found.push(...inputs(component.components));
		else if (component.type === 18) found.push({ ...component.component, label: component.label, description: component.description });
		else if (component.type === 10) found.push({ type: 10, content: component.content });
		else found.push(component);
	}
	return found;
}

function field(def) {
	if (def.type === 10) return { el: h('div', { class: 'modal-text' }, def.content ?? '') };
	if (def.type === 4) {
		const attrs = {
			name: def.custom_id, 'data-custom-id': def.custom_id, placeholder: def.placeholder ?? null, required: def.required ?? true,
			minlength: def.min_length ?? null, maxlength: def.max_length ?? null, 'aria-label': def.label ?? def.custom_id,
		};
		const input = def.style === 2 ? h('textarea', { ...attrs, rows: 4 }) : h('input', { ...attrs, type: 'text' });
		input.value = def.value ?? '';
		return { el: input, value: () => input.value, id: def.custom_id };
	}
	if (def.type === 3) {
		const select = h('select', { name: def.custom_id, 'data-custom-id': def.custom_id, multiple: (def.max_values ?? 1) > 1, 'aria-label': def.label ?? def.custom_id });
		for (const option of def.options ?? []) select.append(h('option', { value: option.value, selected: Boolean(option.default) }, option.label));
		return { el: select, value: () => [...select.selectedOptions].map((o) => o.value), id: def.custom_id };
	}
	return { el: h('div', { class: 'modal-text' }, 'This field is not supported in the playground') };
}

/** Open the modal; resolves when it is closed (submitted or cancelled). */
export function openModal(root, modal, persona) {
	const fields = inputs(modal.components).map((def) => ({ def, ...field(def) }));
	const error = h('div', { class: 'modal-error', hidden: true });
	const close = () => root.replaceChildren();
	const form = h('form', { class: 'modal', role: 'dialog', 'aria-modal': 'true', 'aria-label': modal.title },
		h('header', { class: 'modal-header' }, h('h2', {}, modal.title ?? ''),
			h('button', { type: 'button', class: 'modal-close', 'aria-label': 'Close', onclick: close }, '×')),
		h('div', { class: 'modal-body' }, fields.map(({ def, el }) => h('label', { class: 'modal-field' },
			def.label ? h('span', { class: 'modal-label' }, def.label, (def.required ?? true) && def.type === 4 ? h('span', { class: 'modal-required' }, ' *') : null) : null,
			def.description ? h('span', { class: 'modal-description' }, def.description) : null, el))),
		error,
		h('footer', { class: 'modal-footer' }, h('button', { type: 'button', class: 'modal-cancel', onclick: close }, 'Cancel'),
			h('button', { type: 'submit', class: 'modal-submit' }, 'Submit')));
	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		const values = {};
		for (const f of fields) if (f.id) values[f.id] = f.value();
		try {
			await api.post('/api/modal', { persona, custom_id: modal.custom_id, values });
			close();
		} catch (e) {
			error.textContent = e.message;
			error.hidden = false;
		}
	});
	form.addEventListener('keydown', (event) => { if (event.key === 'Escape') close(); });
	root.replaceChildren(h('div', { class: 'modal-backdrop' }, form));
	form.querySelector('input, textarea, select')?.focus();
}
