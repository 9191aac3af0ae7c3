"""The playground's web page: a Discord-like channel view of the stand-in, on loopback.

    web = PlaygroundWeb(fake, personas=[Persona("member", "alice", "Alice · member"), ...], emulated=True)
    url = await web.start(host="127.0.0.1", port=8080)
    ...
    await web.close()

The page (static/, plain ES modules) reads the world and the commands the bot registered from the stand-in,
drives it as Discord's client would (commands, autocomplete, buttons, selects, modals, messages) and follows
every change over one WebSocket.
"""

from playground.web.app import Persona, PlaygroundWeb

__all__ = ["Persona", "PlaygroundWeb"]
