// Everything the playground page uses from @skyra/discord-components-core (each import registers its elements).
export * from '@skyra/discord-components-core';
