// The limit: writes the cells of a trace recorded by trace.c straight through libxlsxwriter
// (constant-memory mode, as apportion does), with no computation: what writing the same
// workbooks costs at the least.
//
//   cc -O2 -o limit limit.c -lxlsxwriter
//   limit cells.trace OUTDIR      (writes OUTDIR/<n>.xlsx, one per recorded workbook, in
//                                 the order they were made)
//
// The trace's lines are replayed in order; a workbook is closed where the trace closes it,
// so the workbooks are written one after another when the trace was recorded that way.
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#define MAX_FIELDS 16
#define MAX_OBJECTS 65536

static lxw_workbook *workbooks[1024];
static void *objects[MAX_OBJECTS];

static void fail(const char *what, long line) {
  fprintf(stderr, "limit: line %ld: %s\n", line, what);
  exit(1);
}

// Unescapes a field in place (\\, \t, \n, \r; \0 is NULL).
static char *unescape(char *s) {
  if (s[0] == '\\' && s[1] == '0' && s[2] == 0) return NULL;
  char *read = s, *write = s;
  while (*read) {
    if (*read == '\\' && read[1]) {
      read++;
      *write++ = *read == 't' ? '\t' : *read == 'n' ? '\n' : *read == 'r' ? '\r' : *read;
      read++;
    } else {
      *write++ = *read++;
    }
  }
  *write = 0;
  return s;
}

static lxw_worksheet *sheet(const char *field) { return objects[atoi(field)]; }

static lxw_format *format(const char *field) {
  int n = atoi(field);
  return n < 0 ? NULL : objects[n];
}

static void check(lxw_error error, long line) {
  if (error != LXW_NO_ERROR) fail(lxw_strerror(error), line);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: limit TRACE OUTDIR\n");
    return 2;
  }
  FILE *in = fopen(argv[1], "r");
  if (in == NULL) {
    perror(argv[1]);
    return 1;
  }
  static char buffer[1 << 20];
  setvbuf(in, buffer, _IOFBF, sizeof buffer);
  char *line = NULL;
  size_t capacity = 0;
  ssize_t length;
  long number = 0;
  char *f[MAX_FIELDS];
  char path[4096];
  while ((length = getline(&line, &capacity, in)) > 0) {
    number++;
    if (line[length - 1] == '\n') line[--length] = 0;
    int count = 0;
    for (char *p = line; count < MAX_FIELDS;) {
      f[count++] = p;
      p = strchr(p, '\t');
      if (p == NULL) break;
      *p++ = 0;
    }
    const char *op = f[0];
    // Records for objects libxlsxwriter made itself (number -2) are replayed by the
    // library itself.
    if (op[0] != 'W' && op[0] != 'C' && op[0] != 'N' && count > 1 && atoi(f[1]) == -2)
      continue;
    switch (op[0]) {
    case 'W': {
      lxw_workbook_options options = {.constant_memory = (uint8_t)atoi(f[2]),
                                      .use_zip64 = (uint8_t)atoi(f[3])};
      snprintf(path, sizeof path, "%s/%s.xlsx", argv[2], f[1]);
      workbooks[atoi(f[1])] = workbook_new_opt(path, &options);
      if (workbooks[atoi(f[1])] == NULL) fail("workbook_new_opt", number);
      break;
    }
    case 'C': check(workbook_close(workbooks[atoi(f[1])]), number); break;
    case 'S':
      objects[atoi(f[2])] = workbook_add_worksheet(workbooks[atoi(f[1])], unescape(f[3]));
      break;
    case 'F': objects[atoi(f[2])] = workbook_add_format(workbooks[atoi(f[1])]); break;
    case 'N':
      check(workbook_define_name(workbooks[atoi(f[1])], unescape(f[2]), unescape(f[3])), number);
      break;
    case 'f': {
      lxw_format *fmt = objects[atoi(f[1])];
      switch (op[1]) {
      case 'b': format_set_bold(fmt); break;
      case 'i': format_set_italic(fmt); break;
      case 'w': format_set_text_wrap(fmt); break;
      case 'c': format_set_font_color(fmt, (lxw_color_t)atol(f[2])); break;
      case 'g': format_set_bg_color(fmt, (lxw_color_t)atol(f[2])); break;
      case 'p': format_set_pattern(fmt, (uint8_t)atoi(f[2])); break;
      case 't': format_set_top(fmt, (uint8_t)atoi(f[2])); break;
      case 'o': format_set_bottom(fmt, (uint8_t)atoi(f[2])); break;
      case 'a': format_set_align(fmt, (uint8_t)atoi(f[2])); break;
      case 'x': format_set_indent(fmt, (uint8_t)atoi(f[2])); break;
      case 'n': format_set_num_format(fmt, unescape(f[2])); break;
      case 'N': format_set_font_name(fmt, unescape(f[2])); break;
      case 's': format_set_font_size(fmt, strtod(f[2], NULL)); break;
      default: fail("unknown format record", number);
      }
      break;
    }
    case 's':
      check(worksheet_write_string(sheet(f[1]), (lxw_row_t)atol(f[2]), (lxw_col_t)atoi(f[3]),
                                   unescape(f[5]), format(f[4])),
            number);
      break;
    case 'n':
      check(worksheet_write_number(sheet(f[1]), (lxw_row_t)atol(f[2]), (lxw_col_t)atoi(f[3]),
                                   strtod(f[5], NULL), format(f[4])),
            number);
      break;
    case 'm':
      check(worksheet_write_formula_num(sheet(f[1]), (lxw_row_t)atol(f[2]),
                                        (lxw_col_t)atoi(f[3]), unescape(f[6]), format(f[4]),
                                        strtod(f[5], NULL)),
            number);
      break;
    case 'r':
      check(worksheet_write_formula_str(sheet(f[1]), (lxw_row_t)atol(f[2]),
                                        (lxw_col_t)atoi(f[3]), unescape(f[5]), format(f[4]),
                                        unescape(f[6])),
            number);
      break;
    case 'b':
      check(worksheet_write_blank(sheet(f[1]), (lxw_row_t)atol(f[2]), (lxw_col_t)atoi(f[3]),
                                  format(f[4])),
            number);
      break;
    case 'M':
      check(worksheet_merge_range(sheet(f[1]), (lxw_row_t)atol(f[2]), (lxw_col_t)atoi(f[3]),
                                  (lxw_row_t)atol(f[4]), (lxw_col_t)atoi(f[5]), unescape(f[7]),
                                  format(f[6])),
            number);
      break;
    case 'c':
      check(worksheet_set_column(sheet(f[1]), (lxw_col_t)atoi(f[2]), (lxw_col_t)atoi(f[3]),
                                 strtod(f[5], NULL), format(f[4])),
            number);
      break;
    case 'h':
      check(worksheet_set_row(sheet(f[1]), (lxw_row_t)atol(f[2]), strtod(f[4], NULL),
                              format(f[3])),
            number);
      break;
    case 'z':
      worksheet_freeze_panes(sheet(f[1]), (lxw_row_t)atol(f[2]), (lxw_col_t)atoi(f[3]));
      break;
    case 'A':
      check(worksheet_autofilter(sheet(f[1]), (lxw_row_t)atol(f[2]), (lxw_col_t)atoi(f[3]),
                                 (lxw_row_t)atol(f[4]), (lxw_col_t)atoi(f[5])),
            number);
      break;
    case 'K': {
      lxw_conditional_format options = {.type = (uint8_t)atoi(f[7]),
                                        .criteria = (uint8_t)atoi(f[8]),
                                        .value = strtod(f[9], NULL),
                                        .format = format(f[6])};
      check(worksheet_conditional_format_range(sheet(f[1]), (lxw_row_t)atol(f[2]),
                                               (lxw_col_t)atoi(f[3]), (lxw_row_t)atol(f[4]),
                                               (lxw_col_t)atoi(f[5]), &options),
            number);
      break;
    }
    case 'V': {
      lxw_data_validation options = {.validate = (uint8_t)atoi(f[6]),
                                     .criteria = (uint8_t)atoi(f[7]),
                                     .error_type = (uint8_t)atoi(f[8]),
                                     .minimum_number = strtod(f[9], NULL),
                                     .maximum_number = strtod(f[10], NULL),
                                     .input_title = unescape(f[11]),
                                     .input_message = unescape(f[12]),
                                     .error_title = unescape(f[13]),
                                     .error_message = unescape(f[14])};
      check(worksheet_data_validation_range(sheet(f[1]), (lxw_row_t)atol(f[2]),
                                            (lxw_col_t)atoi(f[3]), (lxw_row_t)atol(f[4]),
                                            (lxw_col_t)atoi(f[5]), &options),
            number);
      break;
    }
    case 'L': worksheet_set_landscape(sheet(f[1])); break;
    case 'P': worksheet_set_portrait(sheet(f[1])); break;
    case 'Q': worksheet_set_paper(sheet(f[1]), (uint8_t)atoi(f[2])); break;
    case 'G':
      worksheet_set_margins(sheet(f[1]), strtod(f[2], NULL), strtod(f[3], NULL),
                            strtod(f[4], NULL), strtod(f[5], NULL));
      break;
    case 'R':
      check(worksheet_print_area(sheet(f[1]), (lxw_row_t)atol(f[2]), (lxw_col_t)atoi(f[3]),
                                 (lxw_row_t)atol(f[4]), (lxw_col_t)atoi(f[5])),
            number);
      break;
    case 'T':
      worksheet_fit_to_pages(sheet(f[1]), (uint16_t)atoi(f[2]), (uint16_t)atoi(f[3]));
      break;
    case 'X':
      check(worksheet_repeat_rows(sheet(f[1]), (lxw_row_t)atol(f[2]), (lxw_row_t)atol(f[3])),
            number);
      break;
    case 'H': check(worksheet_set_header(sheet(f[1]), unescape(f[2])), number); break;
    case 'O': check(worksheet_set_footer(sheet(f[1]), unescape(f[2])), number); break;
    case 'g': worksheet_gridlines(sheet(f[1]), (uint8_t)atoi(f[2])); break;
    default: fail("unknown record", number);
    }
  }
  free(line);
  fclose(in);
  return 0;
}
