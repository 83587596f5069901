/**
 * Python source (run inside Pyodide) that rewrites Python 2 statement syntax into Python 3
 * syntax at the token level, keeping every token on its original line so tracebacks keep the
 * script's line numbers. Handles: `print` statements (`print x, y`, `print x,`, `print >>f, x`,
 * bare `print`), `except E, e:`, `raise E, msg`, `<>`, backticks, `0777` octals, `10L` longs
 * and `ur''` strings. Expression-level differences (division, `u''`, `has_key`, ...) are the
 * AST rewrite's job (prelude.ts).
 */
export const py2FixerSource = `
import io as _io, tokenize as _tokenize

_BACKTICK = chr(96)
_STATEMENT_BOUNDARY = {_tokenize.NEWLINE, _tokenize.NL, _tokenize.INDENT, _tokenize.DEDENT, _tokenize.ENCODING}
_OPENERS = {"(", "[", "{"}
_CLOSERS = {")", "]", "}"}


def _fix_py2(source, print_statement=True):
    try:
        tokens = list(_tokenize.generate_tokens(_io.StringIO(source).readline))
    except (_tokenize.TokenError, SyntaxError):
        expanded = _expand_indentation(source) if "\\t" in source else source
        return source if expanded == source else _fix_py2(expanded, print_statement)
    line_starts = [0]
    for line in source.splitlines(True):
        line_starts.append(line_starts[-1] + len(line))

    def offset(position):
        return line_starts[position[0] - 1] + position[1]

    edits = []
    in_backtick = False
    previous = None
    for index, token in enumerate(tokens):
        kind, text = token.type, token.string
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        at_statement_start = previous is None or previous.type in _STATEMENT_BOUNDARY or previous.string in (":", ";")
        if kind == _tokenize.OP and text == "<>":
            edits.append((offset(token.start), offset(token.end), "!="))
        elif kind == _tokenize.OP and text == _BACKTICK:
            edits.append((offset(token.start), offset(token.end), ")" if in_backtick else "repr("))
            in_backtick = not in_backtick
        elif kind == _tokenize.NUMBER and len(text) > 1 and text[0] == "0" and text.isdigit():
            edits.append((offset(token.start), offset(token.end), "0o" + text[1:]))
        elif (kind == _tokenize.NUMBER and following is not None and following.type == _tokenize.NAME
              and following.string in ("L", "l") and following.start == token.end):
            edits.append((offset(token.start), offset(following.end), "_pw_long(" + text + ")"))
        elif (kind == _tokenize.NAME and text.lower() == "ur" and following is not None
              and following.type == _tokenize.STRING and following.start == token.end):
            edits.append((offset(token.start), offset(token.end), "r"))
        elif kind == _tokenize.NAME and text == "except" and at_statement_start:
            comma = _top_level_comma(tokens, index + 1, (":",))
            if comma is not None:
                edits.append((offset(tokens[comma].start), offset(tokens[comma].end), " as"))
        elif kind == _tokenize.NAME and text == "raise" and at_statement_start:
            end = _statement_end(tokens, index + 1)
            comma = _top_level_comma(tokens, index + 1, ())
            if comma is not None and comma < end:
                edits.append((offset(tokens[comma].start), offset(tokens[comma].end), "("))
                edits.append((offset(tokens[end].start), offset(tokens[end].start), ")"))
        elif kind == _tokenize.NAME and text == "print" and at_statement_start and print_statement:
            # print is a keyword in Python 2: "print [x]" prints a list; only "print = ..." and
            # "print.x" (never valid Python 2) are left alone.
            if following is None or (following.type == _tokenize.OP and following.string in ("=", ".")):
                pass
            else:
                end = _statement_end(tokens, index + 1)
                start_offset, end_offset = offset(token.end), offset(tokens[end].start)
                arguments = source[start_offset:end_offset].strip()
                edits.append((offset(token.start), end_offset, "print(" + _print_arguments(arguments) + ")"))
        if kind not in (_tokenize.COMMENT, _tokenize.NL):
            previous = token
    result = source
    for start, end, replacement in sorted(edits, key=lambda edit: (edit[0], edit[1]), reverse=True):
        result = result[:start] + replacement + result[end:]
    return result


def _expand_indentation(source):
    """Python 2 reads a tab in indentation as up to the next multiple of 8 columns and lets a
    block mix tabs and spaces; Python 3 refuses the mix (TabError). Only a source Python 3
    refuses gets here, so a multi-line string's leading tabs changing with it costs nothing
    that worked."""
    lines = []
    for line in source.splitlines(True):
        body = line.lstrip(" \\t")
        lines.append(line[:len(line) - len(body)].expandtabs(8) + body)
    return "".join(lines)


def _statement_end(tokens, index):
    """Index of the token that ends the simple statement starting at index."""
    depth = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == _tokenize.OP and token.string in _OPENERS:
            depth += 1
        elif token.type == _tokenize.OP and token.string in _CLOSERS:
            depth -= 1
        elif depth == 0 and (token.type in (_tokenize.NEWLINE, _tokenize.COMMENT, _tokenize.ENDMARKER)
                             or (token.type == _tokenize.OP and token.string == ";")):
            return index
        index += 1
    return len(tokens) - 1


def _top_level_comma(tokens, index, stops):
    depth = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == _tokenize.OP and token.string in _OPENERS:
            depth += 1
        elif token.type == _tokenize.OP and token.string in _CLOSERS:
            depth -= 1
        elif depth == 0 and token.type == _tokenize.OP and token.string == ",":
            return index
        elif depth == 0 and (token.string in stops or token.type in (_tokenize.NEWLINE, _tokenize.ENDMARKER)):
            return None
        index += 1
    return None


def _split_top_level(text):
    """Splits print arguments at top-level commas (outside brackets and strings)."""
    try:
        tokens = list(_tokenize.generate_tokens(_io.StringIO(text).readline))
    except (_tokenize.TokenError, SyntaxError):
        return [text]
    parts, depth, start = [], 0, 0
    lines = text.splitlines(True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    for token in tokens:
        if token.type == _tokenize.OP and token.string in _OPENERS:
            depth += 1
        elif token.type == _tokenize.OP and token.string in _CLOSERS:
            depth -= 1
        elif depth == 0 and token.type == _tokenize.OP and token.string == ",":
            at = starts[token.start[0] - 1] + token.start[1]
            parts.append(text[start:at])
            start = at + 1
    parts.append(text[start:])
    return [part.strip() for part in parts]


def _print_arguments(text):
    if text == "":
        return ""
    parts = _split_top_level(text)
    target = None
    if parts and parts[0].startswith(">>"):
        target = parts.pop(0)[2:].strip()
    trailing_comma = bool(parts) and parts[-1] == ""
    if trailing_comma:
        parts.pop()
    if len(parts) == 1 and parts[0].startswith("(") and _split_top_level(parts[0][1:-1]) != [parts[0][1:-1].strip()]:
        # print (a, b) prints the tuple in Python 2
        parts = ["(" + parts[0] + ")"]
    result = ", ".join(parts)
    if trailing_comma:
        result += (", " if result else "") + "end=' '"
    if target is not None:
        result += (", " if result else "") + "file=" + target
    return result
`;
