// Read by the bundled Discord components before they load: every avatar is one the page makes itself, so no
// picture is ever fetched from Discord's CDN (the playground works offline, from its own origin only).
globalThis.$discordMessage = {
	avatars: { default: 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"%3E%3Ccircle cx="20" cy="20" r="20" fill="%235865f2"/%3E%3C/svg%3E' },
	defaultTheme: 'dark',
};
