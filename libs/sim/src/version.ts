/**
 * Version of the simulation behaviour. Bump on any change that alters a
 * trajectory for a given config + seed (RNG use, rule order, defaults), so
 * stored results can be tied to the code that produced them.
 */
export const MODEL_VERSION = '1.1.0';
