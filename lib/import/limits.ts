/**
 * The largest file /import accepts. next.config.ts must let Server Action bodies this big
 * through (experimental.serverActions.bodySizeLimit, with room for the multipart framing).
 */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_LABEL = "20 MB";
