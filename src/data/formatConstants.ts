/**
 * The format's name and version, without zod: the page writes them (Save as Veinscape JSON) and
 * must not build the zod schemas to do so (about 40 ms of its start-up task). schema.ts
 * re-exports both.
 */
export const FORMAT_NAME = 'veinscape';
export const SCHEMA_VERSION = 1;
