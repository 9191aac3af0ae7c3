// Talking to the playground's server: JSON in, JSON out; a refusal comes back as an Error with its reason.

export class ApiError extends Error {
	constructor(message, status, refusedByClient) {
		super(message);
		this.status = status;
		this.refusedByClient = refusedByClient;
	}
}

async function answer(response) {
	let body = null;
	try {
		body = await response.json();
	} catch {
		body = null;
	}
	if (!response.ok) {
		const reason = body?.error ?? `${response.status} ${response.statusText}`;
		throw new ApiError(reason, response.status, body?.refused_by === 'client');
	}
	return body;
}

export async function get(path, query = {}) {
	const url = new URL(path, location.href);
	for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
	return answer(await fetch(url, { headers: { Accept: 'application/json' } }));
}

export async function post(path, body) {
	return answer(await fetch(path, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
		body: JSON.stringify(body),
	}));
}

/** Upload one file the member chose; returns {id, filename, size}. */
export async function upload(file) {
	const form = new FormData();
	form.append('file', file, file.name);
	return answer(await fetch('/api/uploads', { method: 'POST', body: form }));
}
