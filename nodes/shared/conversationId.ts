/**
 * Maximum length of a conversation id that the nodes accept. eigi's conversation ids are
 * 36-character UUIDs; the limit leaves room for other id formats but keeps an id small enough to
 * be a de-duplication key and part of a URL path.
 */
export const CONVERSATION_ID_MAX_LENGTH = 256;
