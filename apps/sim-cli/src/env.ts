/** The CLI's only configuration from the environment. */

/** P2PV_SIM_DEBUG=1 prints the stack of an unexpected error after its one-line message. */
export const printStacks = process.env.P2PV_SIM_DEBUG === '1';
