"""Articles, clauses and points of a decision body as `DecisionClause` records (dieu-N, dieu-N.K, dieu-N.K.x)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus import ids
from corpus.errors import ParseError
from corpus.records import DecisionClause

_ARTICLE = re.compile(r"^Điều\s+(\d+)\s*\.\s*(.*)$", re.DOTALL)
_CLAUSE = re.compile(r"^(\d+)\.\s+\S")
_POINT = re.compile(r"^([a-zđ])\)\s+\S")


def build_clauses(paragraphs: list[tuple[int, str]], document_id: str, source_file: str) -> list[DecisionClause]:
    """One record per article, clause and point, in source order, each text self-contained for citing.

    An article's text is all of it, from "Điều N." on; a clause's text is its lead-in and its points; a point's
    text is its clause's lead-in line followed by the point itself ("1. Giao Sở Khoa học và Công nghệ:\nc) …"),
    so that a cited point still names who must act. An article's heading (its title, "Tổ chức thực hiện") is
    repeated on its clauses and points.

    Args:
        paragraphs: (line number, text) of each paragraph after "QUYẾT ĐỊNH:", wrapped lines already joined.
        document_id: Id of the document, the prefix of every clause id.
        source_file: File name, for errors.

    Raises:
        ParseError: Articles out of order, text before "Điều 1.", or a point outside a clause or repeated.
    """
    articles: list[_Article] = []
    for line, text in paragraphs:
        article_match = _ARTICLE.match(text)
        if article_match:
            number = int(article_match.group(1))
            if number != len(articles) + 1:
                raise ParseError(f"cần Điều {len(articles) + 1}, gặp Điều {number}", source_file=source_file, line=line)
            articles.append(_Article(number, article_match.group(2).strip(), [text], []))
        elif not articles:
            raise ParseError(f"có chữ trước Điều 1: {text[:60]!r}", source_file=source_file, line=line)
        else:
            articles[-1].add(text, source_file, line)
    records: list[DecisionClause] = []
    for article in articles:
        heading = article.heading()
        records.append(_record(document_id, article.number, None, None, heading, article.text()))
        for clause in article.clauses:
            records.append(_record(document_id, article.number, clause.number, None, heading, clause.text()))
            for letter, point_text in clause.points:
                text = "\n".join([clause.lead[0], point_text])
                records.append(_record(document_id, article.number, clause.number, letter, heading, text))
    return records


def _record(
    doc: str, article: int, clause: int | None, point: str | None, heading: str | None, text: str
) -> DecisionClause:
    return DecisionClause(
        id=ids.clause_id(doc, article, clause, point),
        document_id=doc,
        article=article,
        clause=clause,
        point=point,
        heading=heading,
        text=text,
    )


@dataclass
class _Clause:
    number: int
    lead: list[str]
    points: list[tuple[str, str]]

    def text(self) -> str:
        return "\n".join([*self.lead, *(text for _, text in self.points)])


@dataclass
class _Article:
    number: int
    first: str
    paragraphs: list[str]
    clauses: list[_Clause]

    def add(self, text: str, source_file: str, line: int) -> None:
        clause_match, point_match = _CLAUSE.match(text), _POINT.match(text)
        if clause_match:
            self.clauses.append(_Clause(int(clause_match.group(1)), [text], []))
        elif point_match:
            if not self.clauses:
                raise ParseError(
                    f"điểm {point_match.group(1)}) nằm ngoài khoản nào của Điều {self.number}",
                    source_file=source_file,
                    line=line,
                )
            letter = point_match.group(1)
            if any(letter == seen for seen, _ in self.clauses[-1].points):
                raise ParseError(
                    f"điểm {letter}) xuất hiện hai lần trong Điều {self.number}", source_file=source_file, line=line
                )
            self.clauses[-1].points.append((letter, text))
        elif self.clauses and self.clauses[-1].points:
            letter, previous = self.clauses[-1].points[-1]
            self.clauses[-1].points[-1] = (letter, f"{previous}\n{text}")
        elif self.clauses:
            self.clauses[-1].lead.append(text)
        else:
            self.paragraphs.append(text)

    def heading(self) -> str | None:
        """The article's title ("Tổ chức thực hiện"): text after "Điều N." that is not a sentence."""
        has_more = len(self.paragraphs) > 1 or bool(self.clauses)
        return self.first if self.first and has_more and not re.search(r"[.;:!?]$", self.first) else None

    def text(self) -> str:
        return "\n".join([*self.paragraphs, *(clause.text() for clause in self.clauses)])
