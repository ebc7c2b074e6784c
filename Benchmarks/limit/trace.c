// Records the libxlsxwriter calls a program makes, for the limit program to replay.
//
//   cc -O2 -shared -fPIC -o libtrace.so trace.c -ldl
//   APPORTION_TRACE=cells.trace LD_PRELOAD=./libtrace.so apportion run ... --out DIR
//
// Each call that shapes a worksheet (cells, formats, widths, heights, panes, filters,
// conditional formats, data validation, page setup) and the workbooks' defined names is
// written as one line of tab-separated fields, then passed on to the real function. Objects
// are numbered in the order they are made (workbooks, worksheets and formats); strings are
// escaped (\\, \t, \n, \r) and numbers written with 17 significant digits, so the replay
// writes the same bytes. Charts, document properties and the default font are not
// recorded: they are not in the sheets' XML and cost nothing next to the cells.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static FILE *out;

// Pointer to number, for worksheets and formats (a few hundred at most).
#define MAX_OBJECTS 65536
static const void *objects[MAX_OBJECTS];
static int object_count;
static int workbook_count;
static const void *workbooks[1024];

static int number_of(const void *pointer) {
  if (pointer == NULL) return -1;
  for (int i = object_count - 1; i >= 0; i--)
    if (objects[i] == pointer) return i;
  return -2;
}

static int workbook_number(const void *pointer) {
  for (int i = workbook_count - 1; i >= 0; i--)
    if (workbooks[i] == pointer) return i;
  return -1;
}

static int add_object(const void *pointer) {
  if (object_count == MAX_OBJECTS) abort();
  objects[object_count] = pointer;
  return object_count++;
}

static FILE *output(void) {
  if (out == NULL) {
    const char *path = getenv("APPORTION_TRACE");
    out = fopen(path ? path : "/dev/null", "w");
    if (out == NULL) abort();
    static char buffer[1 << 20];
    setvbuf(out, buffer, _IOFBF, sizeof buffer);
  }
  return out;
}

static void text(FILE *f, const char *s) {
  fputc('\t', f);
  if (s == NULL) {
    fputs("\\0", f);
    return;
  }
  for (; *s; s++) {
    switch (*s) {
    case '\\': fputs("\\\\", f); break;
    case '\t': fputs("\\t", f); break;
    case '\n': fputs("\\n", f); break;
    case '\r': fputs("\\r", f); break;
    default: fputc(*s, f);
    }
  }
}

static void number(FILE *f, double value) { fprintf(f, "\t%.17g", value); }

#define REAL(name) static __typeof__(name) *real; if (!real) real = dlsym(RTLD_NEXT, #name)
// Calls libxlsxwriter makes to itself (worksheet_merge_range writes its cells with
// worksheet_write_string and worksheet_write_blank) are not recorded: the replay makes them.
static __thread int depth;
#define BEGIN                                                                                \
  if (depth == 0) {                                                                          \
    pthread_mutex_lock(&lock);                                                               \
    FILE *f = output()
#define END                                                                                  \
  fputc('\n', f);                                                                            \
  pthread_mutex_unlock(&lock);                                                               \
  }
#define PASS(call) ({ depth++; __typeof__(call) result_ = (call); depth--; result_; })
#define PASS_VOID(call) do { depth++; call; depth--; } while (0)

lxw_workbook *workbook_new_opt(const char *filename, lxw_workbook_options *options) {
  REAL(workbook_new_opt);
  lxw_workbook *workbook = PASS(real(filename, options));
  BEGIN;
  workbooks[workbook_count] = workbook;
  fprintf(f, "W\t%d\t%d\t%d", workbook_count++, options ? options->constant_memory : 0,
          options ? options->use_zip64 : 0);
  text(f, filename);
  END;
  return workbook;
}

lxw_error workbook_close(lxw_workbook *workbook) {
  REAL(workbook_close);
  BEGIN;
  fprintf(f, "C\t%d", workbook_number(workbook));
  END;
  pthread_mutex_lock(&lock);
  fflush(out);
  pthread_mutex_unlock(&lock);
  return PASS(real(workbook));
}

lxw_worksheet *workbook_add_worksheet(lxw_workbook *workbook, const char *name) {
  REAL(workbook_add_worksheet);
  lxw_worksheet *sheet = PASS(real(workbook, name));
  BEGIN;
  fprintf(f, "S\t%d\t%d", workbook_number(workbook), add_object(sheet));
  text(f, name);
  END;
  return sheet;
}

lxw_format *workbook_add_format(lxw_workbook *workbook) {
  REAL(workbook_add_format);
  lxw_format *format = PASS(real(workbook));
  BEGIN;
  fprintf(f, "F\t%d\t%d", workbook_number(workbook), add_object(format));
  END;
  return format;
}

lxw_error workbook_define_name(lxw_workbook *workbook, const char *name, const char *formula) {
  REAL(workbook_define_name);
  BEGIN;
  fprintf(f, "N\t%d", workbook_number(workbook));
  text(f, name);
  text(f, formula);
  END;
  return PASS(real(workbook, name, formula));
}

// Formats: one letter after 'f', the format's number, the value.
#define FORMAT_FLAG(name, code)                                                              \
  void name(lxw_format *format) {                                                            \
    REAL(name);                                                                              \
    BEGIN;                                                                                   \
    fprintf(f, "f%c\t%d", code, number_of(format));                                          \
    END;                                                                                     \
    PASS_VOID(real(format));                                                                            \
  }
#define FORMAT_INT(name, code, type)                                                         \
  void name(lxw_format *format, type value) {                                                \
    REAL(name);                                                                              \
    BEGIN;                                                                                   \
    fprintf(f, "f%c\t%d\t%ld", code, number_of(format), (long)value);                        \
    END;                                                                                     \
    PASS_VOID(real(format, value));                                                                     \
  }
FORMAT_FLAG(format_set_bold, 'b')
FORMAT_FLAG(format_set_italic, 'i')
FORMAT_FLAG(format_set_text_wrap, 'w')
FORMAT_INT(format_set_font_color, 'c', lxw_color_t)
FORMAT_INT(format_set_bg_color, 'g', lxw_color_t)
FORMAT_INT(format_set_pattern, 'p', uint8_t)
FORMAT_INT(format_set_top, 't', uint8_t)
FORMAT_INT(format_set_bottom, 'o', uint8_t)
FORMAT_INT(format_set_align, 'a', uint8_t)
FORMAT_INT(format_set_indent, 'x', uint8_t)

void format_set_num_format(lxw_format *format, const char *value) {
  REAL(format_set_num_format);
  BEGIN;
  fprintf(f, "fn\t%d", number_of(format));
  text(f, value);
  END;
  PASS_VOID(real(format, value));
}

void format_set_font_name(lxw_format *format, const char *value) {
  REAL(format_set_font_name);
  BEGIN;
  fprintf(f, "fN\t%d", number_of(format));
  text(f, value);
  END;
  PASS_VOID(real(format, value));
}

void format_set_font_size(lxw_format *format, double value) {
  REAL(format_set_font_size);
  BEGIN;
  fprintf(f, "fs\t%d", number_of(format));
  number(f, value);
  END;
  PASS_VOID(real(format, value));
}

// Cells.
lxw_error worksheet_write_string(lxw_worksheet *sheet, lxw_row_t row, lxw_col_t col,
                                 const char *string, lxw_format *format) {
  REAL(worksheet_write_string);
  BEGIN;
  fprintf(f, "s\t%d\t%u\t%u\t%d", number_of(sheet), row, col, number_of(format));
  text(f, string);
  END;
  return PASS(real(sheet, row, col, string, format));
}

lxw_error worksheet_write_number(lxw_worksheet *sheet, lxw_row_t row, lxw_col_t col,
                                 double value, lxw_format *format) {
  REAL(worksheet_write_number);
  BEGIN;
  fprintf(f, "n\t%d\t%u\t%u\t%d", number_of(sheet), row, col, number_of(format));
  number(f, value);
  END;
  return PASS(real(sheet, row, col, value, format));
}

lxw_error worksheet_write_formula_num(lxw_worksheet *sheet, lxw_row_t row, lxw_col_t col,
                                      const char *formula, lxw_format *format, double value) {
  REAL(worksheet_write_formula_num);
  BEGIN;
  fprintf(f, "m\t%d\t%u\t%u\t%d", number_of(sheet), row, col, number_of(format));
  number(f, value);
  text(f, formula);
  END;
  return PASS(real(sheet, row, col, formula, format, value));
}

lxw_error worksheet_write_formula_str(lxw_worksheet *sheet, lxw_row_t row, lxw_col_t col,
                                      const char *formula, lxw_format *format,
                                      const char *value) {
  REAL(worksheet_write_formula_str);
  BEGIN;
  fprintf(f, "r\t%d\t%u\t%u\t%d", number_of(sheet), row, col, number_of(format));
  text(f, formula);
  text(f, value);
  END;
  return PASS(real(sheet, row, col, formula, format, value));
}

lxw_error worksheet_write_blank(lxw_worksheet *sheet, lxw_row_t row, lxw_col_t col,
                                lxw_format *format) {
  REAL(worksheet_write_blank);
  BEGIN;
  fprintf(f, "b\t%d\t%u\t%u\t%d", number_of(sheet), row, col, number_of(format));
  END;
  return PASS(real(sheet, row, col, format));
}

lxw_error worksheet_merge_range(lxw_worksheet *sheet, lxw_row_t first_row, lxw_col_t first_col,
                                lxw_row_t last_row, lxw_col_t last_col, const char *string,
                                lxw_format *format) {
  REAL(worksheet_merge_range);
  BEGIN;
  fprintf(f, "M\t%d\t%u\t%u\t%u\t%u\t%d", number_of(sheet), first_row, first_col, last_row,
          last_col, number_of(format));
  text(f, string);
  END;
  return PASS(real(sheet, first_row, first_col, last_row, last_col, string, format));
}

// Layout.
lxw_error worksheet_set_column(lxw_worksheet *sheet, lxw_col_t first, lxw_col_t last,
                               double width, lxw_format *format) {
  REAL(worksheet_set_column);
  BEGIN;
  fprintf(f, "c\t%d\t%u\t%u\t%d", number_of(sheet), first, last, number_of(format));
  number(f, width);
  END;
  return PASS(real(sheet, first, last, width, format));
}

lxw_error worksheet_set_row(lxw_worksheet *sheet, lxw_row_t row, double height,
                            lxw_format *format) {
  REAL(worksheet_set_row);
  BEGIN;
  fprintf(f, "h\t%d\t%u\t%d", number_of(sheet), row, number_of(format));
  number(f, height);
  END;
  return PASS(real(sheet, row, height, format));
}

void worksheet_freeze_panes(lxw_worksheet *sheet, lxw_row_t row, lxw_col_t col) {
  REAL(worksheet_freeze_panes);
  BEGIN;
  fprintf(f, "z\t%d\t%u\t%u", number_of(sheet), row, col);
  END;
  PASS_VOID(real(sheet, row, col));
}

lxw_error worksheet_autofilter(lxw_worksheet *sheet, lxw_row_t first_row, lxw_col_t first_col,
                               lxw_row_t last_row, lxw_col_t last_col) {
  REAL(worksheet_autofilter);
  BEGIN;
  fprintf(f, "A\t%d\t%u\t%u\t%u\t%u", number_of(sheet), first_row, first_col, last_row,
          last_col);
  END;
  return PASS(real(sheet, first_row, first_col, last_row, last_col));
}

lxw_error worksheet_conditional_format_range(lxw_worksheet *sheet, lxw_row_t first_row,
                                             lxw_col_t first_col, lxw_row_t last_row,
                                             lxw_col_t last_col, lxw_conditional_format *o) {
  REAL(worksheet_conditional_format_range);
  BEGIN;
  fprintf(f, "K\t%d\t%u\t%u\t%u\t%u\t%d\t%u\t%u", number_of(sheet), first_row, first_col,
          last_row, last_col, number_of(o->format), o->type, o->criteria);
  number(f, o->value);
  END;
  return PASS(real(sheet, first_row, first_col, last_row, last_col, o));
}

lxw_error worksheet_data_validation_range(lxw_worksheet *sheet, lxw_row_t first_row,
                                          lxw_col_t first_col, lxw_row_t last_row,
                                          lxw_col_t last_col, lxw_data_validation *o) {
  REAL(worksheet_data_validation_range);
  BEGIN;
  fprintf(f, "V\t%d\t%u\t%u\t%u\t%u\t%u\t%u\t%u", number_of(sheet), first_row, first_col,
          last_row, last_col, o->validate, o->criteria, o->error_type);
  number(f, o->minimum_number);
  number(f, o->maximum_number);
  text(f, o->input_title);
  text(f, o->input_message);
  text(f, o->error_title);
  text(f, o->error_message);
  END;
  return PASS(real(sheet, first_row, first_col, last_row, last_col, o));
}

// Page setup.
void worksheet_set_landscape(lxw_worksheet *sheet) {
  REAL(worksheet_set_landscape);
  BEGIN;
  fprintf(f, "L\t%d", number_of(sheet));
  END;
  PASS_VOID(real(sheet));
}

void worksheet_set_portrait(lxw_worksheet *sheet) {
  REAL(worksheet_set_portrait);
  BEGIN;
  fprintf(f, "P\t%d", number_of(sheet));
  END;
  PASS_VOID(real(sheet));
}

void worksheet_set_paper(lxw_worksheet *sheet, uint8_t paper) {
  REAL(worksheet_set_paper);
  BEGIN;
  fprintf(f, "Q\t%d\t%u", number_of(sheet), paper);
  END;
  PASS_VOID(real(sheet, paper));
}

void worksheet_set_margins(lxw_worksheet *sheet, double left, double right, double top,
                           double bottom) {
  REAL(worksheet_set_margins);
  BEGIN;
  fprintf(f, "G\t%d", number_of(sheet));
  number(f, left);
  number(f, right);
  number(f, top);
  number(f, bottom);
  END;
  PASS_VOID(real(sheet, left, right, top, bottom));
}

lxw_error worksheet_print_area(lxw_worksheet *sheet, lxw_row_t first_row, lxw_col_t first_col,
                               lxw_row_t last_row, lxw_col_t last_col) {
  REAL(worksheet_print_area);
  BEGIN;
  fprintf(f, "R\t%d\t%u\t%u\t%u\t%u", number_of(sheet), first_row, first_col, last_row,
          last_col);
  END;
  return PASS(real(sheet, first_row, first_col, last_row, last_col));
}

void worksheet_fit_to_pages(lxw_worksheet *sheet, uint16_t width, uint16_t height) {
  REAL(worksheet_fit_to_pages);
  BEGIN;
  fprintf(f, "T\t%d\t%u\t%u", number_of(sheet), width, height);
  END;
  PASS_VOID(real(sheet, width, height));
}

lxw_error worksheet_repeat_rows(lxw_worksheet *sheet, lxw_row_t first, lxw_row_t last) {
  REAL(worksheet_repeat_rows);
  BEGIN;
  fprintf(f, "X\t%d\t%u\t%u", number_of(sheet), first, last);
  END;
  return PASS(real(sheet, first, last));
}

lxw_error worksheet_set_header(lxw_worksheet *sheet, const char *string) {
  REAL(worksheet_set_header);
  BEGIN;
  fprintf(f, "H\t%d", number_of(sheet));
  text(f, string);
  END;
  return PASS(real(sheet, string));
}

lxw_error worksheet_set_footer(lxw_worksheet *sheet, const char *string) {
  REAL(worksheet_set_footer);
  BEGIN;
  fprintf(f, "O\t%d", number_of(sheet));
  text(f, string);
  END;
  return PASS(real(sheet, string));
}

void worksheet_gridlines(lxw_worksheet *sheet, uint8_t option) {
  REAL(worksheet_gridlines);
  BEGIN;
  fprintf(f, "g\t%d\t%u", number_of(sheet), option);
  END;
  PASS_VOID(real(sheet, option));
}
