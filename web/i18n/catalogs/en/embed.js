// en, the embed part: keys added while moving the embeds' (web/embed, web/embed.html, oEmbed) strings into the catalog (see ../en.js
// for the conventions). The same keys and placeholders in every language's embed.js.
export default {
};
