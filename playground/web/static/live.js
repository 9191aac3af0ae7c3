// The live feed: one WebSocket, re-opened when it drops; it says which channel the page watches as whom.

export class Live {
	constructor(handlers) {
		this.handlers = handlers; // {reset, upsert, remove, modal, refusals, spend, status}
		this.watching = null;
		this.delay = 250;
		this.connect();
	}

	connect() {
		const url = new URL('/api/live', location.href);
		url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
		this.ws = new WebSocket(url);
		this.ws.addEventListener('open', () => {
			this.delay = 250;
			this.handlers.status(true);
			if (this.watching) this.ws.send(JSON.stringify({ watch: this.watching }));
		});
		this.ws.addEventListener('message', (event) => {
			const data = JSON.parse(event.data);
			this.handlers[data.type]?.(data);
		});
		this.ws.addEventListener('close', () => {
			this.handlers.status(false);
			setTimeout(() => this.connect(), this.delay); // the playground restarted or the network blinked
			this.delay = Math.min(this.delay * 2, 5000);
		});
	}

	watch(persona, channel) {
		this.watching = { persona, channel };
		if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify({ watch: this.watching }));
	}
}
