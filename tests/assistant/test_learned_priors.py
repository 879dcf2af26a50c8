"""The learned priors (`assistant.field_prior`, `assistant.scope`) read data files and compute what scikit-learn
computes; the field prior names the column that words outside the database's name ask for."""

from __future__ import annotations

import json

import pytest

from assistant.cues import Field
from assistant.field_prior import FIELD_MODEL_FILE, aspect_text, load_field_prior
from assistant.scope import SCOPE_MODEL_FILE, load_scope_model
from assistant.text_model import TextClassifier, TextModelError, export, terms


def test_text_model_inference_equals_scikit_learn() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    texts = ["ai quản lý", "đơn vị nào quản lý", "lấy dữ liệu từ đâu", "nguồn dữ liệu", "chia sẻ thế nào",
             "hình thức chia sẻ"]  # fmt: skip
    labels = ["agency", "agency", "collection", "collection", "sharing", "sharing"]
    pipeline = make_pipeline(TfidfVectorizer(analyzer=terms, sublinear_tf=True), LogisticRegression(C=10.0))
    pipeline.fit(texts, labels)
    model = TextClassifier.from_json(json.loads(json.dumps(export(pipeline))))
    for probe in ("cơ quan nào quản lý dữ liệu", "dữ liệu lấy từ nguồn nào", "chia sẻ", "không có từ nào"):
        expected = dict(zip(pipeline.classes_, pipeline.predict_proba([probe])[0], strict=True))
        got = model.probabilities(probe)
        assert got == pytest.approx(expected, abs=1e-9)


def test_binary_text_model_inference_equals_scikit_learn() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    texts = ["lệ phí cấp hộ chiếu", "giá vàng hôm nay", "csdl đất đai", "cơ sở dữ liệu hộ tịch"]
    pipeline = make_pipeline(TfidfVectorizer(analyzer=terms, sublinear_tf=True), LogisticRegression(C=10.0))
    pipeline.fit(texts, [1, 1, 0, 0])
    model = TextClassifier.from_json(export(pipeline))
    p = pipeline.predict_proba(["lệ phí làm hộ chiếu"])[0][1]
    assert model.probabilities("lệ phí làm hộ chiếu")["1"] == pytest.approx(p, abs=1e-9)


def test_malformed_text_model_is_refused() -> None:
    with pytest.raises(TextModelError):
        TextClassifier.from_json({"classes": ["a", "b", "c"], "terms": ["x"], "idf": [1.0], "coef": [[1.0]],
                                  "intercept": [0.0]})  # fmt: skip


def test_aspect_leaves_out_the_database_name_and_province() -> None:
    places = frozenset({"ha", "tinh"})
    aspect = aspect_text("CSDL khoáng sản ở Hà Tĩnh lấy số liệu ở đâu?", "CSDL khoáng sản", places).split()
    assert not {"khoang", "san", "ha", "tinh"} & set(aspect)
    assert aspect[-5:] == ["lay", "so", "lieu", "o", "dau"]  # generic words of names ("số", "liệu") stay


@pytest.mark.parametrize(
    ("aspect", "column"),
    [
        ("gồm những loại thông tin gì", Field.CONTENT),
        ("số liệu lấy ở đâu ra", Field.COLLECTION),
        ("được chia sẻ cho bên khác theo cách nào", Field.SHARING),
        ("đơn vị nào đứng ra quản lý", Field.AGENCY),
        ("lập ra nhằm mục đích gì", Field.PURPOSE),
    ],
)
def test_field_prior_reads_the_column_from_words_no_cue_lists(aspect: str, column: Field) -> None:
    prior = load_field_prior()
    assert prior.best(aspect)[0] is column


def test_field_model_file_records_its_out_of_sample_figure() -> None:
    data = json.loads(FIELD_MODEL_FILE.read_text(encoding="utf-8"))
    assert data["leave_one_source_out"]["turns"] > 300
    assert 0.8 < data["leave_one_source_out"]["accuracy"] <= 1.0


@pytest.mark.parametrize(
    "question",
    ["Xin visa đi Hàn Quốc cần những giấy tờ gì?", "Lệ phí đổi căn cước là bao nhiêu tiền?", "Mai trời có mưa không?"],
)
def test_scope_model_turns_away_questions_outside_the_catalogues(question: str) -> None:
    assert load_scope_model().outside(question)


@pytest.mark.parametrize(
    "question",
    [
        "CSDL hộ tịch ở Hải Dương do ai quản lý?",
        "Hà Tĩnh có bao nhiêu cơ sở dữ liệu dùng chung?",
        "Quyết định của Quảng Ninh do ai ký?",
        "dữ liệu về giấy phép lái xe lấy từ đâu",
    ],
)
def test_scope_model_keeps_catalogue_questions(question: str) -> None:
    assert not load_scope_model().outside(question)


def test_scope_model_file_records_its_threshold_and_out_of_fold_figures() -> None:
    data = json.loads(SCOPE_MODEL_FILE.read_text(encoding="utf-8"))
    assert data["out_of_fold"]["catalogue_refused"] <= 0.0025
    assert data["threshold"] >= 0.5
