/** An upload larger than this is refused before it is read. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** A DOCX whose parts would unpack to more than this is treated as a zip bomb. */
export const MAX_DOCX_UNPACKED_BYTES = 100 * 1024 * 1024;
/** …or whose parts compress better than this: real Word files stay far below it. */
export const MAX_DOCX_RATIO = 200;
/** A PDF page with fewer letters than this has no usable text layer (a scan). */
export const MIN_LETTERS_PER_PAGE = 40;
