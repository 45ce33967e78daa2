"""Column headers of tables: Markdown, pdftotext -layout, and pdftotext with one cell per line."""

from __future__ import annotations

import re

# Shared regexes are read as module.X: CPython 3.11 does not optimise method calls on from-imported names.
from . import md_tables
from .phrases import OTHER, PhraseMatcher, family_name
from .text import LINE_CAP, line_bounds, prev_line

LAYOUT_GAP = re.compile(r"\S {2,}\S|\t")
NUMERIC_LINE = re.compile(r"[\d .\-\u2010-\u2013]+\s*(?:\|\s*)?")   # "264813597 |": a cell copied with its border
_LETTERS = re.compile(r"[^\W\d_]")
_NONDIGIT = re.compile(r"\D+")
_ROW_NUMBER = re.compile(r"\d{1,4}\.?")
_NO_HEADER = re.compile(r"(?:no\.?|nomor|no\.? urut)", re.IGNORECASE)
_LAYOUT_CELL = re.compile(r"\S+(?: \S+)*")
_ID_CELL = re.compile(r"[\d*xX .\-]+")
_ID_CHARS = re.compile(r"[\d*xX]")
_LETTERS_WORD = re.compile(r"[^\W\d_]+")
_LABEL_FILLERS = frozenset(["no", "nomor", "nomer", "dan", "atau", "nr", "tempat", "tgl", "tanggal"])
# A table row flattened by copy-paste or PDF extraction: cells joined by tabs, or by "|" without the leading "|"
# of a Markdown row ("1 | Budi | BRI | 0123..."). Its header is the nearest line above with the same border and
# no digit, within the run of bordered lines.
_HEADER_REACH = 200   # lines of one flattened table looked at above a row
# CSV exports: cells joined by ";" (spreadsheets in an Indonesian locale) or ",", at least 3 cells a row.
CSV_BORDERS = (";", ",")
_CSV_MIN_BORDERS = 2
_CSV_HEADER_CELL = 40   # a header cell is a short name; longer pieces are a sentence's clauses


def row_border(line: str) -> str | None:
    """The border joining a flattened table row's cells: a tab, "|" (twice), ";" or "," (twice each)."""
    if "\t" in line:
        return "\t"
    if line.count("|") >= 2:
        return "|"
    for border in CSV_BORDERS:
        if line.count(border) >= _CSV_MIN_BORDERS:
            return border
    return None
# An HTML table in a page's source: the cells of a row, and the header row (<th> cells, or the first row).
_HTML_CELL_OPEN = re.compile(r"<t[dh](?:\s[^<>]{0,200})?>", re.IGNORECASE)
_HTML_CELL = re.compile(r"<t[dh](?:\s[^<>]{0,200})?>(.*?)(?=</t[dh]>|<t[dh][\s>]|</tr>|<tr[\s>])", re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"<[^<>]{0,200}>")
_HTML_REACH = 20000   # characters of one HTML table looked at above a cell


class ColumnHeaders:
    """Which context phrase heads the column a position of the text is in (cached per row and column)."""

    def __init__(self, text: str, matcher: PhraseMatcher) -> None:
        self.text = text
        self.matcher = matcher
        self._md_header_cache: dict[int, list[str] | None] = {}
        self._vertical_cache: dict[int, list[str] | None] = {}
        self._block_cache: dict[int, list[str] | None] = {}
        self._layout_cache: dict[tuple[int, int], str | None | bool] = {}
        self._delimited_cache: dict[tuple[int, str], list[str] | None] = {}
        self._html_cache: dict[int, list[str] | None] = {}

    def short_above(self, ls: int) -> bool:
        """Whether the nearest non-empty line above is short, as table cells are (prose lines are long)."""
        cur = ls
        for _ in range(4):
            if cur == 0:
                return False
            ps, s = prev_line(self.text, cur)
            if s is None:
                return False
            if s:
                return len(s) <= 45
            cur = ps
        return False

    def delimited_family(self, ls: int, le: int, pos: int, border: str) -> tuple[bool, str | None]:
        """(whether the row has a header line, the family its header names) for the column holding `pos` in a row
        whose cells are joined by `border`. A CSV row (";" or ",") counts only under a header of as many cells, so
        a sentence with commas below another is never read as a table."""
        text = self.text
        header = self._delimited_header(ls, border)
        if header is None:
            return False, None
        if border in CSV_BORDERS and (len(header) != text.count(border, ls, le) + 1
                                       or max(map(len, header)) > _CSV_HEADER_CELL):
            return False, None
        col = text.count(border, ls, pos)
        return True, (self._phrase_family(header[col]) if col < len(header) else None)

    def column_header(self, ls: int, le: int, pos: int) -> str | None:
        """The header cell's text over the column holding `pos` in a flattened or Markdown table row, else None."""
        text = self.text
        line = text[ls:le]
        if line.lstrip().startswith("|"):
            header = self._md_header(ls)
            col = md_tables.cell_index(text[ls:pos])
        else:
            border = row_border(line)
            header = self._delimited_header(ls, border) if border else None
            col = text.count(border, ls, pos) if border else -1
            if header is not None and border in CSV_BORDERS and len(header) != text.count(border, ls, le) + 1:
                return None
        return header[col] if header is not None and 0 <= col < len(header) else None

    def _delimited_header(self, ls: int, border: str) -> list[str] | None:
        """Header cells of the flattened table whose row starts at `ls` (cached per row)."""
        cache = self._delimited_cache
        visited = []
        cur = ls
        result = None
        for _ in range(_HEADER_REACH):
            if (cur, border) in cache:
                result = cache[(cur, border)]
                break
            visited.append(cur)
            if cur == 0:
                break
            ps, prev = prev_line(self.text, cur)
            if not prev or border not in prev:
                break   # the table ends above
            if not any(ch.isdigit() for ch in prev) and _LETTERS.search(prev):
                result = [c.strip() for c in self.text[ps:cur - 1].split(border)]
                break
            cur = ps
        for v in visited:
            cache[(v, border)] = result
        return result

    def html_family(self, pos: int) -> str | None:
        """The header of the column holding `pos` in an HTML table written in the page's source."""
        text = self.text
        lo = max(0, pos - _HTML_REACH)
        row = max(text.rfind("<tr", lo, pos), text.rfind("<TR", lo, pos))
        table = max(text.rfind("<table", lo, pos), text.rfind("<TABLE", lo, pos))
        if row < 0 or table < 0 or row < table:
            return None
        col = sum(1 for _ in _HTML_CELL_OPEN.finditer(text, row, pos)) - 1
        header = self._html_header(table, row)
        if header is None or not 0 <= col < len(header):
            return None
        return self._phrase_family(header[col])

    def _html_header(self, table: int, row: int) -> list[str] | None:
        """Cells of the header row of the HTML table starting at `table`: its first row holding <th>, else its
        first row (when that is not the row asking)."""
        if table in self._html_cache:
            return self._html_cache[table]
        text = self.text
        end = text.find("</table", table, table + _HTML_REACH)
        end = min(len(text), table + _HTML_REACH) if end < 0 else end
        rows = [m.start() for m in re.finditer(r"<tr[\s>]", text[table:end], re.IGNORECASE)]
        result = None
        for k, start in enumerate(rows):
            stop = rows[k + 1] if k + 1 < len(rows) else end - table
            chunk = text[table + start:table + stop]
            if "<th" in chunk.lower() or (k == 0 and table + start != row):
                result = [_HTML_TAG.sub(" ", c).strip() for c in _HTML_CELL.findall(chunk)]
                break
        self._html_cache[table] = result
        return result

    def _phrase_family(self, cell: str) -> str | None:
        """The family of a header cell or label line (the last context phrase in it); a CSV export's
        "no_rekening" reads as "no rekening"."""
        cell = cell.replace("_", " ")
        return self.matcher.last(cell, 0, len(cell))

    def md_header_family(self, ls: int, pos: int) -> str | None:
        text = self.text
        col = md_tables.cell_index(text[ls:pos])
        header = self._md_header(ls)
        if header is None or col < 0 or col >= len(header):
            return None
        return self._phrase_family(header[col])

    def _md_header(self, ls: int) -> list[str] | None:
        """Header cells of the Markdown table whose row starts at `ls` (cached per row)."""
        text = self.text
        visited = []
        cur = ls
        result = None
        for _ in range(5000):
            if cur in self._md_header_cache:
                result = self._md_header_cache[cur]
                break
            visited.append(cur)
            if cur == 0:
                break
            ps, prev = prev_line(text, cur)
            if prev is None or not prev.startswith("|"):
                break
            if md_tables.MD_SEPARATOR.fullmatch(prev):
                header = prev_line(text, ps)[1] if ps > 0 else None
                result = md_tables.cell_texts(header) if header and header.startswith("|") else None
                break
            cur = ps
        for v in visited:
            self._md_header_cache[v] = result
        return result

    def vertical_family(self, ls: int) -> str | None | bool:
        """For a value alone on its line: the label line just above (key: value forms), or the header of
        its column in a table written one cell per line with a row-number column ('No').
        Returns a family, False for "a table cell whose header says nothing", or None for "not decided"."""
        cur = ls
        above: list[tuple[int, str]] = []   # (line start, stripped text), nearest first
        row_number_seen = False
        for _ in range(18):
            if cur == 0:
                break
            ps, s = prev_line(self.text, cur)
            if s is None:
                break
            cur = ps
            if not s:
                continue
            above.append((ps, s))
            if row_number_seen:
                break  # one line more than the row number: enough to tell it from a number's broken tail
            row_number_seen = _ROW_NUMBER.fullmatch(s) is not None
        if not above:
            return None
        first = above[0][1].rstrip(":").strip()
        if first and len(first) <= 40 and _LETTERS.search(first):
            fam = self._phrase_family(first)
            if fam:
                return fam  # a label on its own line right above the value: "NIK", "No. KK :"
        cells = _merge_broken_numbers(above)
        for col, (row_start, s) in enumerate(cells, start=1):
            if col > 16:
                break
            if _ROW_NUMBER.fullmatch(s):
                header = self._vertical_header(row_start)
                if header is not None:
                    return self._row_column_family(ls, header, cells[:col - 1], int(s.rstrip(".")))
                break
        # No row numbers: the value is the p-th of adjacent identifier cells; match it to the p-th of
        # adjacent identifier headers ("NIK", "No. KK") above.
        position = 1
        for _, s in cells:
            if _ID_CELL.fullmatch(s) and len(_ID_CHARS.findall(s)) >= 8:
                position += 1
            else:
                break
        block = self._header_block(ls)
        if block and position <= len(block):
            return self._phrase_family(block[position - 1]) or False
        return None

    def _header_block(self, ls: int) -> list[str] | None:
        """The nearest run of lines above that are each just a context phrase (table headers)."""
        cache = self._block_cache
        visited = []
        cur = ls
        result = None
        for _ in range(600):
            if cur in cache:
                result = cache[cur]
                break
            visited.append(cur)
            if cur == 0:
                break
            ps, s = prev_line(self.text, cur)
            if s is None:
                break
            if s and self._is_label(s):
                block = [s]
                up = ps
                while up > 0 and len(block) < 30:
                    ups, u = prev_line(self.text, up)
                    if not (u and self._is_label(u)):
                        break
                    block.insert(0, u)
                    up = ups
                result = block
                break
            cur = ps
        for v in visited:
            cache[v] = result
        return result

    def label_family(self, cell: str) -> str | None:
        """The family of a cell that is a label ("NIK", "No. Kartu BPJS", "Telp/Fax"), else None. A bank's name
        counts only alone ("Mandiri"), never inside other words: "Rina Permata" is a person, not a bank."""
        cell = cell.strip().rstrip(":").strip()
        if not cell or len(cell) > 40 or any(ch.isdigit() for ch in cell):
            return None
        found = self.matcher.find(cell, 0, len(cell))
        if not found:
            return None
        if found[-1][2] != "bank":
            return family_name(found[-1][2])
        rest = cell
        for a, b, _ in reversed(found):
            rest = rest[:a] + " " + rest[b:]
        if any(w not in _LABEL_FILLERS for w in _LETTERS_WORD.findall(rest.lower())):
            return None
        return family_name(found[-1][2])

    def _is_label(self, line: str, other: bool = False) -> bool:
        """A line that is one context phrase and little else (a header cell), e.g. "No. KK" or "NIK:".
        With `other`, names of non-personal identifiers ("Nomor Peserta") count too."""
        line = line.rstrip(":").strip()
        if len(line) > 40 or any(ch.isdigit() for ch in line):
            return False
        found = self.matcher.find(line, 0, len(line))
        return bool(found) and (other or found[-1][2] != OTHER)

    def _row_column_family(self, ls: int, header: list[str], before: list[tuple[int, str]], row_no: int
                           ) -> str | bool | None:
        """The column of a value in a one-cell-per-line table row. When the row has as many cells as the
        header, by position; when a long text cell was wrapped onto two lines, by counting identifier
        cells: the value is the p-th number-like cell and takes the p-th identifier header."""
        text = self.text
        following: list[tuple[int, str]] = []
        cur = ls
        stop = {str(row_no + 1), f"{row_no + 1}."}
        for _ in range(len(header) + 6):
            if cur >= len(text):
                break
            le = text.find("\n", cur, cur + LINE_CAP)
            if le < 0:
                if cur + LINE_CAP < len(text):
                    break
                le = len(text)
            line = text[cur:le].strip()
            if not line or line in stop:
                break
            following.append((cur, line))
            cur = le + 1
        row_rest = list(reversed(_merge_broken_numbers(list(reversed(following)))))
        col = len(before) + 1
        by_position = (self._phrase_family(header[col - 1]) or False) if col <= len(header) else None
        if len(before) + len(row_rest) == len(header):
            return by_position
        # cells and header agree on how many identifier columns come first? then no wrap before the value
        is_label = [self._is_label(h, other=True) for h in header]
        position = 1 + sum(1 for _, c in before if _ID_CELL.fullmatch(c) and len(_ID_CHARS.findall(c)) >= 8)
        if col <= len(header) and sum(is_label[:col - 1]) == position - 1:
            return by_position
        labels = [h for h, ok in zip(header, is_label) if ok]
        if position <= len(labels):
            return self._phrase_family(labels[position - 1]) or False
        return None

    def _vertical_header(self, row_start: int) -> list[str] | None:
        """Header cells (below a line 'No') of a one-cell-per-line table, seen from a row-number line."""
        text = self.text
        cache = self._vertical_cache
        if row_start in cache:
            return cache[row_start]
        cur = row_start
        seen: list[str] = []
        rows = [row_start]
        result = None
        for _ in range(3000):
            if cur == 0:
                break
            ps, s = prev_line(text, cur)
            if s is None:
                break
            cur = ps
            if not s:
                continue
            if _ROW_NUMBER.fullmatch(s):
                if ps in cache:
                    result = cache[ps]
                    break
                rows.append(ps)
                seen = []   # the header is what stands between "No" and the first row, whichever row asks
                continue
            elif _NO_HEADER.fullmatch(s):
                result = list(reversed(seen[-20:]))
                break
            seen.append(s)
        for r in rows:
            cache[r] = result
        return result

    def layout_family(self, ls: int, start: int, end: int) -> str | None | bool:
        """pdftotext -layout: the nearest line above with words over this column."""
        text = self.text
        _, le, long = line_bounds(text, start)
        if long:
            return None
        row = text[ls:le]
        c0, c1 = start - ls, end - ls
        # widen to the whole cell (text between runs of 2+ spaces): headers align with the cell's start
        gap = row.rfind("  ", 0, c0)
        c0 = gap + 2 if gap >= 0 else len(row) - len(row.lstrip())
        while c0 < len(row) and row[c0] == " ":
            c0 += 1
        gap = row.find("  ", c1)
        c1 = gap if gap >= 0 else len(row)
        cache = self._layout_cache
        visited = [ls]
        result: str | None | bool = None
        cur = ls
        for _ in range(80):
            if cur == 0:
                break
            ps, stripped = prev_line(text, cur)
            if stripped is None:
                break
            if (ps, c0) in cache:  # the row above, same column: already decided
                result = cache[(ps, c0)]
                break
            visited.append(ps)
            line = text[ps:cur - 1]
            cur = ps
            over = " ".join(m.group() for m in _LAYOUT_CELL.finditer(line) if m.start() < c1 + 2 and m.end() > c0 - 2)
            if not over:
                continue
            if not _LETTERS.search(over) or any(ch.isdigit() for ch in over):
                continue  # a data row above: numbers in this column
            result = False
            for m0, m1, fam in self.matcher.find(line, 0, len(line)):
                if m0 < c1 + 2 and m1 > c0 - 2:
                    result = family_name(fam)
                    break
            break
        for v in visited:
            cache[(v, c0)] = result
        return result



def _merge_broken_numbers(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Cells of a one-cell-per-line table, nearest first: a number a narrow cell broke over two lines
    (two digit-only lines that only together make 15, 16 or 18 digits) counts as one cell."""
    out: list[tuple[int, str]] = []
    i = 0
    whole = (15, 16, 18)
    while i < len(lines):
        start, s = lines[i]
        if i + 1 < len(lines) and NUMERIC_LINE.fullmatch(s) and NUMERIC_LINE.fullmatch(lines[i + 1][1]):
            upper_start, upper = lines[i + 1]
            n_lower = len(_NONDIGIT.sub("", s))
            n_upper = len(_NONDIGIT.sub("", upper))
            if n_lower + n_upper in whole and n_lower not in whole and n_upper not in whole:
                out.append((upper_start, upper + s))
                i += 2
                continue
        out.append((start, s))
        i += 1
    return out
