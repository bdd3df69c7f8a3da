// Plain names for the ICU C functions Husk uses.
//
// ICU renames every entry point with a version suffix (ubrk_open becomes ubrk_open_72),
// through macros Swift cannot import. These static inline wrappers give Swift stable,
// version-free names, so Husk builds against whatever ICU the system ships.
#ifndef HUSK_ICU_SHIM_H
#define HUSK_ICU_SHIM_H

#include <unicode/utypes.h>
#include <unicode/utext.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/uregex.h>
#include <unicode/udat.h>
#include <unicode/ucal.h>
#include <unicode/uscript.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

static inline const char *husk_u_errorName(UErrorCode code) { return u_errorName(code); }

// UText over UTF-8: ICU iterates the bytes in place and reports native (byte) offsets.
static inline UText *husk_utext_openUTF8(UText *ut, const char *s, int64_t length, UErrorCode *status) {
    return utext_openUTF8(ut, s, length, status);
}
static inline void husk_utext_close(UText *ut) { utext_close(ut); }

// Break iterators.
static inline UBreakIterator *husk_ubrk_open(int type, const char *locale, UErrorCode *status) {
    return ubrk_open((UBreakIteratorType)type, locale, NULL, 0, status);
}
static inline void husk_ubrk_setUText(UBreakIterator *bi, UText *text, UErrorCode *status) {
    ubrk_setUText(bi, text, status);
}
static inline int32_t husk_ubrk_first(UBreakIterator *bi) { return ubrk_first(bi); }
static inline int32_t husk_ubrk_next(UBreakIterator *bi) { return ubrk_next(bi); }
static inline int32_t husk_ubrk_getRuleStatus(UBreakIterator *bi) { return ubrk_getRuleStatus(bi); }
static inline void husk_ubrk_close(UBreakIterator *bi) { ubrk_close(bi); }

// Normalization.
static inline const UNormalizer2 *husk_unorm2_getNFCInstance(UErrorCode *status) { return unorm2_getNFCInstance(status); }
static inline const UNormalizer2 *husk_unorm2_getNFKCInstance(UErrorCode *status) { return unorm2_getNFKCInstance(status); }
static inline int32_t husk_unorm2_normalize(const UNormalizer2 *n, const UChar *src, int32_t length,
                                            UChar *dest, int32_t capacity, UErrorCode *status) {
    return unorm2_normalize(n, src, length, dest, capacity, status);
}
static inline int32_t husk_unorm2_spanQuickCheckYes(const UNormalizer2 *n, const UChar *s, int32_t length, UErrorCode *status) {
    return unorm2_spanQuickCheckYes(n, s, length, status);
}

// Regular expressions.
static inline URegularExpression *husk_uregex_open(const UChar *pattern, int32_t length, uint32_t flags,
                                                   UParseError *pe, UErrorCode *status) {
    return uregex_open(pattern, length, flags, pe, status);
}
static inline URegularExpression *husk_uregex_clone(const URegularExpression *re, UErrorCode *status) {
    return uregex_clone(re, status);
}
static inline void husk_uregex_close(URegularExpression *re) { uregex_close(re); }
static inline void husk_uregex_setText(URegularExpression *re, const UChar *text, int32_t length, UErrorCode *status) {
    uregex_setText(re, text, length, status);
}
static inline UBool husk_uregex_find64(URegularExpression *re, int64_t start, UErrorCode *status) {
    return uregex_find64(re, start, status);
}
static inline UBool husk_uregex_findNext(URegularExpression *re, UErrorCode *status) { return uregex_findNext(re, status); }
static inline int64_t husk_uregex_start64(URegularExpression *re, int32_t group, UErrorCode *status) {
    return uregex_start64(re, group, status);
}
static inline int64_t husk_uregex_end64(URegularExpression *re, int32_t group, UErrorCode *status) {
    return uregex_end64(re, group, status);
}
static inline int32_t husk_uregex_groupCount(URegularExpression *re, UErrorCode *status) { return uregex_groupCount(re, status); }
static inline void husk_uregex_setTimeLimit(URegularExpression *re, int32_t limit, UErrorCode *status) {
    uregex_setTimeLimit(re, limit, status);
}
static inline void husk_uregex_setStackLimit(URegularExpression *re, int32_t limit, UErrorCode *status) {
    uregex_setStackLimit(re, limit, status);
}

// Dates: strict pattern parsing in UTC.
static inline UDateFormat *husk_udat_openPattern(const char *locale, const UChar *pattern, int32_t patternLength,
                                                 UErrorCode *status) {
    static const UChar utc[] = {'U', 'T', 'C', 0};
    return udat_open(UDAT_PATTERN, UDAT_PATTERN, locale, utc, -1, pattern, patternLength, status);
}
static inline void husk_udat_setLenient(UDateFormat *fmt, UBool lenient) { udat_setLenient(fmt, lenient); }
static inline void husk_udat_setBooleanAttribute(UDateFormat *fmt, int attr, UBool value, UErrorCode *status) {
    udat_setBooleanAttribute(fmt, (UDateFormatBooleanAttribute)attr, value, status);
}
static inline UDate husk_udat_parse(const UDateFormat *fmt, const UChar *text, int32_t length, int32_t *pos,
                                    UErrorCode *status) {
    return udat_parse(fmt, text, length, pos, status);
}
static inline void husk_udat_close(UDateFormat *fmt) { udat_close(fmt); }

// Character properties.
static inline int32_t husk_uscript_getScript(UChar32 c, UErrorCode *status) { return (int32_t)uscript_getScript(c, status); }
static inline const char *husk_uscript_getShortName(int32_t script) { return uscript_getShortName((UScriptCode)script); }


static inline int32_t husk_u_sentenceBreak(int32_t c) { return u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK); }
static inline int32_t husk_u_wordBreak(int32_t c) { return u_getIntPropertyValue(c, UCHAR_WORD_BREAK); }
static inline int32_t husk_u_strFoldCase(UChar *dest, int32_t capacity, const UChar *src, int32_t length, UErrorCode *status) {
    return u_strFoldCase(dest, capacity, src, length, U_FOLD_CASE_DEFAULT, status);
}
#endif
