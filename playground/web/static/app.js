// The playground page: a Discord-like server (text channels, one age-restricted) and a DM with the bot, a member
// or a moderator to act as, the channel's messages as that member sees them, and the message box.
import './vendor/discord-components.js';
import * as api from './api.js';
import { avatar, h } from './dom.js';
import { MessageList } from './messages.js';
import { Composer } from './composer.js';
import { openModal } from './modal.js';
import { Notices, showSpend } from './notices.js';
import { Live } from './live.js';

const $ = (selector) => document.querySelector(selector);
const state = { world: null, persona: null, channel: null, commands: [], ageConfirmed: false };

function channelInfo(id) {
	const channel = state.world.channels.find((c) => c.id === id);
	if (channel) return { ...channel, dm: false, label: `#${channel.name}` };
	return { id, name: state.world.bot.name, dm: true, nsfw: false, label: `@${state.world.bot.name}` };
}

function dmOf(persona) {
	return state.world.dms[persona];
}

async function loadCommands() {
	try {
		const answer = await api.get('/api/commands', { persona: state.persona, channel: state.channel });
		state.commands = answer.commands;
	} catch (error) {
		state.commands = [];
		composer.showError(`Could not read the bot's commands: ${error.message}`);
	}
}

function renderSidebar() {
	const world = state.world;
	$('#guild-name').textContent = world.guild.name;
	$('#guild-icon').textContent = world.guild.name.split(/\s+/).map((w) => w[0]).join('').slice(0, 3);
	$('#channel-list').replaceChildren(...world.channels.map((c) => h('button', {
		type: 'button', class: `channel${c.id === state.channel ? ' selected' : ''}`, 'data-channel': c.name,
		title: c.nsfw ? 'Age-restricted channel' : c.topic, onclick: () => select(c.id),
	}, h('span', { class: 'hash' }, '#'), h('span', { class: 'channel-name' }, c.name),
	c.nsfw ? h('span', { class: 'age-tag', title: 'Age-restricted' }, '18+') : null)));
	const dm = dmOf(state.persona);
	$('#dm-list').replaceChildren(h('button', {
		type: 'button', class: `channel dm${dm === state.channel ? ' selected' : ''}`, 'data-channel': 'dm', onclick: () => select(dm),
	}, h('img', { class: 'dm-avatar', src: avatar(world.bot.name, true), alt: '' }), h('span', { class: 'channel-name' }, world.bot.name),
	h('span', { class: 'app-tag' }, 'APP')));
	$('#persona-list').replaceChildren(...world.personas.map((p) => h('label', { class: `persona${p.key === state.persona ? ' selected' : ''}` },
		h('input', { type: 'radio', name: 'persona', value: p.key, checked: p.key === state.persona, onchange: () => switchPersona(p.key) }),
		h('img', { class: 'persona-avatar', src: avatar(p.user.name), alt: '' }), h('span', {}, p.label))));
}

function renderHeader() {
	const info = channelInfo(state.channel);
	const title = [h('span', { class: 'hash' }, info.dm ? '@' : '#'), info.name];
	if (info.nsfw) title.push(h('span', { class: 'age-tag' }, 'age-restricted'));
	$('#channel-title').replaceChildren(...title);
	$('#channel-topic').textContent = info.dm ? 'Your direct messages with the bot' : (info.topic ?? '');
	document.title = `${info.label} · imagine-bot playground`;
}

function renderGate() {
	const info = channelInfo(state.channel);
	const gated = info.nsfw && !state.ageConfirmed;
	$('#age-gate').hidden = !gated;
	$('#scroller').hidden = gated;
	$('#composer').hidden = gated;
}

async function select(channelId) {
	state.channel = channelId;
	messages.reset();
	renderSidebar();
	renderHeader();
	renderGate();
	composer.clear();
	live.watch(state.persona, state.channel);
	await loadCommands();
}

async function switchPersona(key) {
	const wasDm = state.channel === dmOf(state.persona);
	state.persona = key;
	await select(wasDm ? dmOf(key) : state.channel);
}

const actions = {
	botName: () => state.world?.bot.name ?? 'bot',
	async press(message, customId, values, el) {
		el?.classList.add('busy');
		try {
			await api.post('/api/click', { persona: state.persona, message_id: message.id, custom_id: customId, values });
		} catch (error) {
			composer.showError(error.message);
		} finally {
			el?.classList.remove('busy');
		}
	},
	menu(message) {
		const list = h('div', { class: 'message-menu', hidden: true, role: 'menu' });
		const toggle = h('button', { type: 'button', class: 'message-menu-button', title: 'More', 'aria-label': 'More' }, '⋯');
		toggle.addEventListener('click', () => {
			const apps = state.commands.filter((c) => c.type === 3);
			const items = apps.length ? apps.map((c) => h('button', {
				type: 'button', class: 'menu-item', role: 'menuitem', onclick: async () => {
					list.hidden = true;
					try {
						await api.post('/api/message-command', { persona: state.persona, name: c.name, message_id: message.id });
					} catch (error) {
						composer.showError(error.message);
					}
				},
			}, c.name)) : [h('div', { class: 'menu-empty' }, 'No apps for messages')];
			list.replaceChildren(h('div', { class: 'menu-title' }, 'Apps'), ...items);
			list.hidden = !list.hidden;
		});
		return h('div', { class: 'message-tools' }, toggle, list);
	},
};

const messages = new MessageList($('#messages'), actions);
const composer = new Composer($('#composer'), {
	persona: () => state.persona,
	channel: () => state.channel,
	channelName: () => channelInfo(state.channel).label,
	commands: () => state.commands,
	get world() { return state.world; },
});
const notices = new Notices($('#refusals'), $('#toasts'), $('#refusal-badge'));
const live = new Live({
	reset: (data) => { if (data.channel === state.channel) messages.reset(); },
	upsert: (data) => messages.upsert(data.messages.filter((m) => m.channel_id === state.channel)),
	remove: (data) => messages.remove(data.ids),
	modal: (data) => openModal($('#modal-root'), data.modal, state.persona),
	refusals: (data) => notices.refused(data.refusals),
	spend: (data) => showSpend($('#spend'), data.spend),
	error: (data) => composer.showError(data.message),
	status: (up) => { $('#offline').hidden = up; },
});

async function main() {
	state.world = await api.get('/api/world');
	state.persona = state.world.personas[0].key;
	$('#emulated').hidden = !state.world.emulated;
	$('#age-continue').addEventListener('click', () => {
		state.ageConfirmed = true;
		renderGate();
	});
	document.addEventListener('click', (event) => {
		if (!event.target.closest?.('.message-tools')) document.querySelectorAll('.message-menu').forEach((m) => { m.hidden = true; });
	});
	await select(state.world.channels[0].id);
}

main().catch((error) => {
	document.body.prepend(h('div', { class: 'fatal' }, `The playground could not start: ${error.message}`));
});
