// The zod of the background's and extension pages' schemas: zod/mini, configured once, here. Every
// module with such a schema imports `z` from this file, so the settings below are in place before
// any of them builds one. zod/mini rather than classic zod: the service worker builds every schema
// at each cold start, and classic zod's schemas are slower to build and larger to ship.
// The content script never imports this: it takes only types from lib/messages.ts.
import * as z from 'zod/mini';
import { en } from 'zod/locales';

z.config({
  // The English messages classic zod has by default (zod/mini has none: "Invalid input"). They
  // reach the user: the options page, a backup's import, a refused message's reply.
  ...en(),
  // No eval-based fast paths: extension pages and service workers forbid eval under their CSP.
  // (Read when an object schema is built, hence set before any is.)
  jitless: true,
});

export { z };
