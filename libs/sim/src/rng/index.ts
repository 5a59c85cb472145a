export { Rng, type RngState } from './xoshiro128';
