// en, the answer part: keys added while moving the claims strip's, the verdict's and the presets' across-seeds strings into the catalog (see ../en.js
// for the conventions). The same keys and placeholders in every language's answer.js.
export default {
};
