// The message box: plain messages with files, and slash commands exactly as the bot registered them. Typing "/"
// lists the commands (subcommands as "settings models add"); picking one shows its options as fields; choices,
// autocomplete (asked of the bot), members, roles, channels and true/false pop up; attachment options take a file.
import * as api from './api.js';
import { h } from './dom.js';
import { Popup } from './popup.js';

const SUB = 1, GROUP = 2, STRING = 3, INTEGER = 4, BOOLEAN = 5, USER = 6, CHANNEL = 7, ROLE = 8, MENTIONABLE = 9, NUMBER = 10, ATTACHMENT = 11;

/** Every invocable path of the chat-input commands: "imagine", "settings models add", ... */
export function commandPaths(commands) {
	const paths = [];
	for (const command of commands.filter((c) => c.type === 1)) {
		const subs = command.options.filter((o) => o.type === SUB || o.type === GROUP);
		if (!subs.length) paths.push({ path: command.name, description: command.description, options: command.options });
		for (const sub of subs) {
			if (sub.type === SUB) paths.push({ path: `${command.name} ${sub.name}`, description: sub.description, options: sub.options ?? [] });
			else for (const leaf of sub.options ?? []) paths.push({ path: `${command.name} ${sub.name} ${leaf.name}`, description: leaf.description, options: leaf.options ?? [] });
		}
	}
	return paths.sort((a, b) => a.path.localeCompare(b.path));
}

export class Composer {
	constructor(root, ctx) {
		this.ctx = ctx; // {persona(), channel(), channelName(), commands(), world}
		this.input = root.querySelector('#composer-input');
		this.bar = root.querySelector('#command-bar');
		this.optional = root.querySelector('#optional-options');
		this.files = root.querySelector('#composer-files');
		this.error = root.querySelector('#composer-error');
		this.popup = new Popup(root.querySelector('#popup'));
		this.command = null; // {path, options}
		this.fields = new Map(); // option name -> {def, el, value, display}
		this.uploads = []; // files of a plain message
		this.asked = 0;
		this.input.addEventListener('input', () => {
			this.grow();
			this.typed();
		});
		this.input.addEventListener('keydown', (event) => this.keydown(event, null));
		this.input.addEventListener('blur', () => setTimeout(() => this.closePopupUnlessFocused(), 0));
		root.querySelector('#composer-send').addEventListener('click', () => this.send());
		const picker = root.querySelector('#composer-file');
		root.querySelector('#composer-attach').addEventListener('click', () => picker.click());
		picker.addEventListener('change', async () => {
			for (const file of picker.files) await this.addUpload(file);
			picker.value = '';
		});
	}

	grow() {
		this.input.style.height = 'auto';
		this.input.style.height = `${Math.min(this.input.scrollHeight, 240)}px`;
	}

	placeholder() {
		this.input.placeholder = this.command ? '' : `Message ${this.ctx.channelName()}`;
	}

	closePopupUnlessFocused() {
		if (!this.bar.contains(document.activeElement) && document.activeElement !== this.input) this.popup.hide();
	}

	showError(text) {
		this.error.textContent = text ?? '';
		this.error.hidden = !text;
	}

	// ------------------------------------------------------------------ plain text and the command list

	typed() {
		this.showError(null);
		if (this.command) return;
		const text = this.input.value;
		if (!text.startsWith('/')) {
			this.popup.hide();
			return;
		}
		const query = text.slice(1).toLowerCase().trimStart();
		const matches = commandPaths(this.ctx.commands()).filter((c) => c.path.startsWith(query) || (query && c.path.includes(query)));
		this.popup.show('Commands', matches.map((c) => ({ label: `/${c.path}`, detail: c.description, value: c.path, command: c })),
			(item) => this.choose(item.command), { empty: 'No command matches' });
	}

	keydown(event, field) {
		if (this.popup.key(event)) {
			event.preventDefault();
			return;
		}
		if (event.key === 'Escape') {
			if (this.popup.open) this.popup.hide();
			else if (this.command) this.clear();
			event.preventDefault();
		} else if (event.key === 'Enter' && !event.shiftKey) {
			event.preventDefault();
			this.send();
		} else if (event.key === 'Backspace' && this.command && !field && !this.input.value) {
			this.clear();
		}
	}

	// ------------------------------------------------------------------ a chosen command and its options

	choose(command) {
		this.popup.hide();
		this.command = command;
		this.fields.clear();
		this.input.value = '';
		this.input.hidden = true;
		this.bar.replaceChildren(h('span', { class: 'command-chip' }, `/${command.path}`));
		this.bar.hidden = false;
		for (const def of command.options.filter((o) => o.required)) this.addField(def, false);
		this.renderOptional();
		const first = [...this.fields.values()][0];
		if (first) first.el.focus();
		else this.bar.append(this.sendHint());
		this.placeholder();
	}

	sendHint() {
		const hint = h('input', { class: 'command-hint', placeholder: 'Press Enter to send', 'aria-label': 'Press Enter to send' });
		hint.addEventListener('keydown', (event) => this.keydown(event, null));
		queueMicrotask(() => hint.focus());
		return hint;
	}

	renderOptional() {
		const rest = this.command.options.filter((o) => !this.fields.has(o.name));
		this.optional.replaceChildren(...(rest.length ? [h('span', { class: 'optional-title' }, 'Optional'), ...rest.map((def) =>
			h('button', { type: 'button', class: 'optional-option', 'data-option': def.name, title: def.description, onclick: () => this.addField(def, true) }, def.name))] : []));
		this.optional.hidden = !rest.length;
	}

	addField(def, focus) {
		let el;
		const field = { def, el: null, value: undefined, display: '' };
		if (def.type === ATTACHMENT) {
			const picker = h('input', { type: 'file', hidden: true, 'data-file-for': def.name });
			el = h('button', { type: 'button', class: 'option-file', 'data-option': def.name }, 'Choose a file');
			el.addEventListener('click', () => picker.click());
			picker.addEventListener('change', async () => {
				const file = picker.files[0];
				if (!file) return;
				el.textContent = `Uploading ${file.name}…`;
				try {
					const stored = await api.upload(file);
					field.value = stored.id;
					el.textContent = stored.filename;
					el.classList.add('chosen');
				} catch (error) {
					el.textContent = 'Choose a file';
					this.showError(error.message);
				}
			});
			el.append(picker);
		} else {
			el = h('input', { class: 'option-input', 'data-option': def.name, autocomplete: 'off', 'aria-label': def.name, placeholder: def.description ?? '' });
			el.addEventListener('focus', () => this.suggest(field));
			el.addEventListener('input', () => {
				field.value = el.value;
				field.display = el.value;
				this.showError(null);
				this.suggest(field);
			});
			el.addEventListener('keydown', (event) => this.keydown(event, field));
			el.addEventListener('blur', () => setTimeout(() => this.closePopupUnlessFocused(), 0));
		}
		field.el = el;
		this.fields.set(def.name, field);
		this.bar.querySelector('.command-hint')?.remove();
		this.bar.append(h('label', { class: `option-pill${def.required ? ' required' : ''}` }, h('span', { class: 'option-name' }, `${def.name}:`), el));
		this.renderOptional();
		if (focus) el.focus();
	}

	/** What pops up for the focused option: its choices, the bot's autocomplete, members, roles, channels. */
	async suggest(field) {
		const { def } = field;
		const typed = field.el.value.toLowerCase();
		const pick = (item) => {
			field.value = item.value;
			field.display = item.label;
			field.el.value = item.label;
			this.popup.hide();
			this.focusNext(field);
		};
		const world = this.ctx.world;
		let items = null;
		if (def.choices?.length) items = def.choices.map((c) => ({ label: c.name, value: c.value }));
		else if (def.type === BOOLEAN) items = [{ label: 'True', value: true }, { label: 'False', value: false }];
		else if (def.type === USER || def.type === MENTIONABLE) {
			items = world.members.filter((m) => !m.bot || m.id === world.bot.id).map((m) => ({ label: m.name, detail: m.username, value: m.username }));
			if (def.type === MENTIONABLE) items.push(...world.roles.map((r) => ({ label: `@${r.name}`, detail: 'role', value: r.key })));
		} else if (def.type === ROLE) items = world.roles.map((r) => ({ label: `@${r.name}`, value: r.key }));
		else if (def.type === CHANNEL) items = world.channels.map((c) => ({ label: `#${c.name}`, value: c.id }));
		if (items) {
			const shown = items.filter((i) => String(i.label).toLowerCase().includes(typed) || field.value === i.value);
			this.popup.show(def.name, shown, pick, { empty: 'Nothing matches' });
			return;
		}
		if (!def.autocomplete) {
			this.popup.hide();
			return;
		}
		const asked = ++this.asked;
		let answer;
		try {
			answer = await api.post('/api/autocomplete', {
				persona: this.ctx.persona(), channel: this.ctx.channel(), name: this.command.path, focused: def.name,
				value: field.el.value, options: this.values({ except: def.name, loose: true }),
			});
		} catch (error) {
			answer = { choices: [], error: error.message };
		}
		if (asked !== this.asked || document.activeElement !== field.el) return; // a newer question, or moved on
		this.popup.show(def.name, answer.choices.map((c) => ({ label: c.name, value: c.value })), pick,
			{ empty: 'No suggestions', error: answer.error });
	}

	focusNext(field) {
		const fields = [...this.fields.values()];
		const next = fields[fields.indexOf(field) + 1];
		if (next && next.value === undefined) next.el.focus();
		else field.el.focus();
		if (document.activeElement === field.el) this.popup.hide();
	}

	/** The options' values typed as the command defines them; attachments apart. */
	values({ except = null, loose = false } = {}) {
		const values = {};
		for (const [name, field] of this.fields) {
			if (name === except || field.def.type === ATTACHMENT || field.value === undefined || field.value === '') continue;
			let value = field.value;
			if (field.def.type === INTEGER && !loose) value = Number.parseInt(value, 10);
			if (field.def.type === NUMBER && !loose) value = Number.parseFloat(value);
			if (field.def.type === BOOLEAN && typeof value === 'string') value = value.toLowerCase() === 'true';
			values[name] = value;
		}
		return values;
	}

	// ------------------------------------------------------------------ sending

	async send() {
		this.popup.hide();
		try {
			if (this.command) await this.sendCommand();
			else await this.sendMessage();
		} catch (error) {
			this.showError(error.message);
		}
	}

	async sendCommand() {
		const missing = [...this.fields.values()].filter((f) => f.def.required && (f.value === undefined || f.value === ''));
		if (missing.length) {
			this.showError(`Fill in ${missing.map((f) => f.def.name).join(', ')}`);
			missing[0].el.focus();
			return;
		}
		for (const field of this.fields.values()) {
			if ([INTEGER, NUMBER].includes(field.def.type) && field.value !== undefined && field.value !== '' && Number.isNaN(Number(field.value))) {
				this.showError(`${field.def.name} needs a number`);
				return;
			}
		}
		const attachments = {};
		for (const [name, field] of this.fields) if (field.def.type === ATTACHMENT && field.value) attachments[name] = field.value;
		await api.post('/api/command', {
			persona: this.ctx.persona(), channel: this.ctx.channel(), name: this.command.path, options: this.values(), attachments,
		});
		this.clear();
	}

	async sendMessage() {
		const content = this.input.value;
		if (!content.trim() && !this.uploads.length) return;
		if (content.startsWith('/')) {
			this.showError('Pick a command from the list (or remove the "/")');
			return;
		}
		await api.post('/api/message', { persona: this.ctx.persona(), channel: this.ctx.channel(), content, uploads: this.uploads.map((u) => u.id) });
		this.clear();
	}

	async addUpload(file) {
		try {
			const stored = await api.upload(file);
			this.uploads.push(stored);
			this.renderUploads();
		} catch (error) {
			this.showError(error.message);
		}
	}

	renderUploads() {
		this.files.replaceChildren(...this.uploads.map((u) => h('span', { class: 'file-chip' }, u.filename,
			h('button', { type: 'button', class: 'file-remove', title: 'Remove', onclick: () => { this.uploads = this.uploads.filter((x) => x !== u); this.renderUploads(); } }, '×'))));
		this.files.hidden = !this.uploads.length;
	}

	clear() {
		this.command = null;
		this.fields.clear();
		this.uploads = [];
		this.renderUploads();
		this.bar.replaceChildren();
		this.bar.hidden = true;
		this.optional.replaceChildren();
		this.optional.hidden = true;
		this.input.hidden = false;
		this.input.value = '';
		this.grow();
		this.popup.hide();
		this.showError(null);
		this.placeholder();
		this.input.focus();
	}
}
