// Top-level await: a plugin module loads synchronously with the home, so this cannot load.
const name = await Promise.resolve("awaiting");
export default { name };
