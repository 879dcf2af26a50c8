# ruff: noqa: E501  (expected values are verbatim source text; splitting them would hide what is compared)
"""Acceptance test of the corpus: parsed records, field by field, against the three source documents.

Every expected value below was copied by hand from `corpus/sources/*.txt` (line numbers in comments), not from
parser output. A check is one of:
  eq(value)               the field equals the text exactly (NFC, HTML removed, list items on their own lines);
  has(*parts, ends=, lacks=) the field contains each part, ends with `ends`, and contains none of `lacks`;
  one_of(*values)         the source is garbled there and either reading is accepted (commented why).
Field "scope|content" passes when either field passes: the Quảng Ninh column "Phạm vi, nội dung chính" is one cell.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from corpus.build import parse_source
from corpus.manifest import read_manifest
from corpus.records import CatalogueEntry, ParsedDocument, SharingMode
from corpus.validate import text_problems

SOURCES = Path(__file__).resolve().parents[2] / "corpus" / "sources"
HT, HD, QN = "ha-tinh-2022", "hai-duong-2022", "quang-ninh-2026"
DEFAULT, SPECIFIC, OPEN = SharingMode.DEFAULT, SharingMode.SPECIFIC, SharingMode.OPEN


@functools.cache
def parsed(document_id: str) -> ParsedDocument:
    """Each document is parsed once per test session (parsers are pure)."""
    entry = read_manifest(SOURCES).find(document_id)
    assert entry is not None
    return parse_source(SOURCES / entry.file, entry.layout)


def entry(entry_id: str) -> CatalogueEntry:
    found = [e for e in parsed(entry_id.split("/")[0]).entries if e.id == entry_id]
    assert len(found) == 1, f"{entry_id}: {len(found)} entries with this id"
    return found[0]


@dataclass(frozen=True)
class Check:
    describe: str
    passes: Callable[[str | None], bool] = field(compare=False)

    def __repr__(self) -> str:
        return self.describe


def eq(value: str | None) -> Check:
    return Check(f"== {value!r}", lambda actual: actual == value)


def one_of(*values: str) -> Check:
    return Check(f"in {values!r}", lambda actual: actual in values)


def has(*parts: str, ends: str | None = None, lacks: tuple[str, ...] = ()) -> Check:
    def passes(actual: str | None) -> bool:
        return (
            actual is not None
            and all(p in actual for p in parts)
            and (ends is None or actual.endswith(ends))
            and not any(x in actual for x in lacks)
        )

    return Check(f"has {parts!r} ends {ends!r} lacks {lacks!r}", passes)


ROW_DEBRIS = ("STT", "CƠ QUAN QUẢN", "HẠNG MỤC", "<", "\t")
NOT_NEXT_FIELD = ("Phạm vi", "Nội dung")

# (entry id, field, check); grouped by entry, the traps named in comments.
# fmt: off
FIELDS: list[tuple[str, str, Check]] = [
    # --- Hà Tĩnh: one cell per line (lines 54-366) ---
    (f"{HT}/1", "name", eq("CSDL về quản lý thông tin kinh tế xã hội")),
    (f"{HT}/1", "agency", eq("Sở Kế hoạch và Đầu tư")),
    (f"{HT}/1", "purpose", has("phục vụ quản lý thông tin kinh tế xã hội tổng hợp, theo dõi quá trình thực hiện các chỉ tiêu kinh tế - xã hội của tỉnh.", lacks=NOT_NEXT_FIELD)),
    (f"{HT}/1", "scope", has("các sở, ban, ngành và UBND các huyện, thành phố, thị xã.", lacks=("Nội dung", "Mục đích"))),
    (f"{HT}/1", "collection", eq("Nguồn dữ liệu được thu thập, cập nhật từ các thủ tục hành chính, văn bản đến, báo cáo, kê khai trực tiếp của các đơn vị sở, ngành và UBND các huyện, thành phố, thị xã")),
    (f"{HT}/1", "sharing", eq("Dữ liệu được chia sẻ theo hình thức chia sẻ dữ liệu theo yêu cầu đặc thù của từng cơ sở dữ liệu tương ứng với từng đối tượng khai thác, sử dụng.")),
    # row 2: blank agency cell (line 65) continues "Sở Kế hoạch và Đầu tư" of row 1
    (f"{HT}/2", "name", eq("CSDL về quản lý dự án đầu tư của doanh nghiệp, hợp tác xã và các tổ chức, cá nhân")),
    (f"{HT}/2", "agency", eq("Sở Kế hoạch và Đầu tư")),
    (f"{HT}/2", "content", has("thông tin về các dự án đầu tư của doanh nghiệp, hợp tác xã và các tổ chức, cá nhân đầu tư trên địa bàn tỉnh")),
    (f"{HT}/2", "sharing", eq("Dữ liệu được chia sẻ theo hình thức chia sẻ dữ liệu mặc định.")),
    # row 12: "+" list items inside the content cell stay on lines of their own
    (f"{HT}/12", "agency", eq("Sở NN&PTNT")),
    (f"{HT}/12", "content", has("+ Cung cấp thông tin về hoạt động quản lý nhà nước về chất lượng vật tư nông nghiệp", "\n+ Quy trình kiểm soát, truy xuất nguồn gốc", ends="kết nối cung cầu trên các sàn thương mại điện tử.")),
    (f"{HT}/19", "agency", eq("Văn phòng UBND tỉnh")),
    (f"{HT}/19", "sharing", eq("Dữ liệu mở, được chia sẻ theo hình thức mặc định.")),
    # row 20: blank agency cell (line 230) continues "Văn phòng UBND tỉnh" of row 19
    (f"{HT}/20", "name", eq("CSDL về công báo")),
    (f"{HT}/20", "agency", eq("Văn phòng UBND tỉnh")),
    (f"{HT}/20", "collection", eq("Văn phòng UBND tỉnh cập nhật dữ liệu")),
    # row 25: a blank line (278) inside the description cell must not end the row
    (f"{HT}/25", "name", eq("CSDL ngành giáo dục và đào tạo")),
    (f"{HT}/25", "agency", eq("Sở Giáo dục và Đào tạo")),
    (f"{HT}/25", "scope", has("ngành Giáo dục và Đào tạo của tỉnh", lacks=("Nội dung",))),
    (f"{HT}/25", "content", has("thông tin về lĩnh vực Giáo dục và Đào tạo trên địa bàn tỉnh")),
    (f"{HT}/25", "collection", eq("Nguồn dữ liệu được thu thập, cập nhật từ các cơ sở giáo dục và kết nối với CSDL toàn ngành của Bộ Giáo dục và Đào tạo")),
    (f"{HT}/26", "agency", eq("Sở Lao động -Thương binh và Xã hội")),
    # row 28: blank agency continues row 26 through 27; sharing cell wraps onto line 309
    (f"{HT}/28", "name", eq("CSDL về hộ nghèo và cận nghèo")),
    (f"{HT}/28", "agency", eq("Sở Lao động -Thương binh và Xã hội")),
    (f"{HT}/28", "sharing", eq("Dữ liệu được chia sẻ theo hình thức chia sẻ dữ liệu theo yêu cầu đặc thù của từng cơ sở dữ liệu tương ứng với từng đối tượng khai thác, sử dụng.")),
    # row 32: blank agency continues "Sở Tư pháp" of row 31; a four-item list in the collection cell
    (f"{HT}/32", "name", eq("CSDL hộ tịch điện tử")),
    (f"{HT}/32", "agency", eq("Sở Tư pháp")),
    (f"{HT}/32", "collection", eq("- Thông tin hộ tịch của cá nhân được đăng ký thông qua Phần mềm đăng ký, quản lý hộ tịch điện tử dùng chung;\n- Thông tin hộ tịch được số hóa, chuẩn hóa từ số hộ tịch;\n- Thông tin được kết nối, chia sẻ từ Cơ sở dữ liệu quốc gia về dân cư;\n- Thông tin hộ tịch được chia sẻ, chuyển đổi, chuẩn hóa từ các phần mềm, cơ sở dữ liệu hộ tịch điện tử được thiết lập trước đây.")),
    (f"{HT}/34", "name", eq("CSDL ngành thanh tra")),
    (f"{HT}/34", "agency", eq("Thanh tra tỉnh")),
    (f"{HT}/34", "content", has("thông tin về lĩnh vực ngành thanh tra")),
    # --- Hải Dương: PDF text, columns one after another, header repeated on every page ---
    (f"{HD}/1", "agency", eq("Công an tỉnh")),  # line 198 "1  Công an tỉnh": number and agency share a line
    (f"{HD}/1", "name", eq("Cơ sở dữ liệu về dân cư")),
    (f"{HD}/1", "purpose", has("Giúp tiết kiệm thời gian và chi phí khi thực hiện thủ tục hành chính", ends="không phải nhập dữ liệu thủ công trên các phần mềm khác nhau.", lacks=NOT_NEXT_FIELD)),
    (f"{HD}/1", "scope", has("Toàn tỉnh", lacks=("Nội dung",))),
    (f"{HD}/1", "content", has("Trước mắt sử dụng dịch vụ xác thực thông tin công dân", ends="và các dữ liệu khác theo quy định của chủ quản dữ liệu.")),
    (f"{HD}/1", "collection", eq("Nguồn dữ liệu chia sẻ, kết nối, thu thập từ CSDL quốc gia về dân cư của Bộ Công an.")),
    (f"{HD}/1", "sharing", eq("Chia sẻ dữ liệu mặc định")),
    # row 2: a page break (line 287) cuts name, purpose and collection; line 308 merges name and purpose
    (f"{HD}/2", "agency", eq("Văn phòng UBND tỉnh")),
    (f"{HD}/2", "name", eq("Cổng Thông tin điện tử tỉnh Hải Dương")),
    (f"{HD}/2", "purpose", has("tích hợp, cung cấp thông tin về các lĩnh vực quản lý nhà nước trên địa bàn tỉnh;", ends="tích hợp thông tin dịch vụ công trực tuyến của các cơ quan chuyên môn thuộc tỉnh.", lacks=ROW_DEBRIS)),
    (f"{HD}/2", "content", has("cung cấp thông tin, hoạt động của lãnh đạo tỉnh, các sở, ban, ngành, UBND cấp huyện, xã.")),
    (f"{HD}/2", "collection", eq("Do các cơ quan quản lý thu thập, cập nhật và tự đăng lại từ một số nguồn tin cho phép")),
    (f"{HD}/2", "sharing", eq("Dữ liệu mở")),
    # row 5: line 402 holds the first line of all six columns; the rest follows the page header
    (f"{HD}/5", "agency", eq("Văn phòng UBND tỉnh")),
    (f"{HD}/5", "name", eq("Hệ thống thông tin báo cáo tỉnh Hải Dương")),
    (f"{HD}/5", "purpose", has("triển khai kịp thời, thống nhất, khoa học và hiệu quả nội dung về thực hiện chế độ báo cáo của cơ quan hành chính nhà nước theo quy định tại Nghị định số 09/2019/NĐ-CP của Chính phủ.", lacks=ROW_DEBRIS)),
    (f"{HD}/5", "content", has("thực hiện báo cáo theo quy định và tổng hợp thông tin phục vụ công tác chỉ đạo, điều hành của các cơ quan nhà nước tỉnh Hải Dương")),
    (f"{HD}/5", "collection", eq("Các cơ quan, đơn vị sử dụng hệ thống có trách nhiệm nhập dữ liệu của cơ quan, đơn vị mình vào hệ thống phần mềm")),
    (f"{HD}/5", "sharing", eq("- Chia sẻ dữ liệu mặc định;\n- Chia sẻ dữ liệu đặc thù")),
    # row 6: the content's last words "môi trường mạng" (line 551) come after the page header
    (f"{HD}/6", "content", has("- Gửi nhận văn bản điện tử giữa các cơ quan, đơn vị có sử dụng hệ thống quản lý văn bản và điều hành để xử lý văn bản điện tử trên môi trường mạng", lacks=ROW_DEBRIS)),
    (f"{HD}/6", "name", eq("Hệ thống Quản lý văn bản và điều hành")),
    (f"{HD}/10", "agency", eq("Sở Nội vụ")),
    (f"{HD}/10", "name", eq("Cơ sở dữ liệu cán bộ, công chức, viên chức")),
    (f"{HD}/10", "content", has("- Tin học hóa công tác tổ chức quản lý nhân sự trong các cơ quan hành chính nhà nước.", ends="- Dữ liệu, thông tin cán bộ, công chức, viên chức có được từ phần mềm quản lý hồ sơ cán bộ, công chức, viên chức của tỉnh.", lacks=ROW_DEBRIS)),
    (f"{HD}/13", "agency", eq("Bảo hiểm xã hội tỉnh")),
    (f"{HD}/13", "name", eq("Cơ sở dữ liệu về Bảo hiểm")),
    (f"{HD}/13", "collection", eq("Nguồn dữ liệu chia sẻ, kết nối, thu thập từ CSDL Quốc gia về Bảo hiểm của Bảo hiểm xã hội Việt Nam.")),
    # row 15: name, collection and sharing continue after the page header (lines 1115-1135)
    (f"{HD}/15", "agency", eq("Sở Y tế")),
    (f"{HD}/15", "name", eq("CSDL nền tảng tiêm chủng, xét nghiệm COVID-19")),
    (f"{HD}/15", "purpose", has("Khai thác dữ liệu tiêm chủng và xét nghiệm Covid – 19 của tỉnh Hải Dương phục vụ phòng, chống dịch được hiệu quả.", lacks=NOT_NEXT_FIELD)),
    (f"{HD}/15", "content", has("Khai thác thông tin về tiêm chủng và xét nghiệm Covid - 19 của tỉnh Hải Dương theo quy định của chủ quản dữ liệu.")),
    (f"{HD}/15", "collection", eq("- Nguồn dữ liệu chia sẻ, kết nối, thu thập từ CSDL quốc gia về tiêm chủng, xét nghiệm;\n- Cán bộ y tế tỉnh Hải Dương nhập dữ liệu")),
    (f"{HD}/15", "sharing", eq("- Chia sẻ dữ liệu mặc định\n- Chia sẻ dữ liệu đặc thù")),
    (f"{HD}/17", "name", eq("Cơ sở dữ liệu về Lý lịch tư pháp")),
    (f"{HD}/17", "content", has("Liên thông hồ sơ từ Cổng dịch vụ công/ Hệ thống một cửa điện tử tỉnh Hải Dương với Hệ thống cấp phiếu lý lịch tư pháp;", ends="cấp phiếu lý lịch tư pháp trực tuyến và các dữ liệu khác theo quy định của chủ quản dữ liệu.")),
    (f"{HD}/17", "collection", eq("- Nguồn dữ liệu chia sẻ, kết nối, thu thập từ CSDL cấp phiếu lý lịch tư pháp trực tuyến của Bộ Tư pháp.")),
    # row 19: line 1338 merges number, agency, name, purpose, collection and sharing
    (f"{HD}/19", "agency", eq("Sở Tài chính")),
    (f"{HD}/19", "name", eq("Cơ sở dữ liệu về quản lý Giá")),
    (f"{HD}/19", "purpose", has("Cải tiến quy trình nghiệp vụ giúp tăng cường tính hiệu lực trong công tác quản lý giá;", ends="cung cấp số liệu, báo cáo đến CSDL Quốc gia về quản lý Giá.", lacks=ROW_DEBRIS)),
    (f"{HD}/19", "collection", eq("- Các cơ quan, đơn vị, doanh nghiệp trên địa bàn tỉnh có trách nhiệm nhập dữ liệu của đơn vị mình lên hệ thống và dữ liệu chia sẻ, kết nối với CSDL Quốc gia về quản lý Giá của Bộ Tài chính")),
    (f"{HD}/19", "sharing", eq("- Chia sẻ dữ liệu mặc định\n- Chia sẻ dữ liệu đặc thù")),
    # row 21: a page number "13" (line 1506) sits between the two sharing items
    (f"{HD}/21", "purpose", has("Thống nhất quy trình quản lý tổng hợp, sử dụng tài sản công", ends="liên thông, tích hợp với hệ thống CSDL Quốc gia về tài sản công.")),
    (f"{HD}/21", "content", has("Dữ liệu về các loại tài sản công (đất, nhà, ô tô, các loại tài sản khác), công cụ dụng cụ từ các đơn vị có sử dụng NSNN")),
    (f"{HD}/21", "collection", eq("- Các đơn vị trực tiếp quản lý, sử dụng tài sản nhập dữ liệu tài sản của đơn vị mình quản lý lên hệ thống và dữ liệu chia sẻ, kết nối với CSDL quản lý tài sản công của Bộ Tài chính")),
    (f"{HD}/21", "sharing", eq("- Chia sẻ dữ liệu mặc định\n- Chia sẻ dữ liệu đặc thù")),
    # row 24: line 1711 merges the end of the content with the middle of the collection
    (f"{HD}/24", "agency", eq("Sở Giáo dục và Đào tạo")),
    (f"{HD}/24", "name", eq("Cơ sở dữ liệu văn bằng, chứng chỉ")),
    (f"{HD}/24", "content", has("Khai thác thông tin về văn bằng, chứng chỉ.", ends="về văn bằng, chức chỉ và các dữ liệu khác theo quy định của chủ quản dữ liệu.", lacks=("hằng năm",))),
    (f"{HD}/24", "collection", eq("Nguồn dữ liệu chia sẻ, kết nối, thu thập từ CSDL quản lý văn bằng, chứng chỉ của Sở Giáo dục và Đào tạo; Thu thập và cập nhật theo các kỳ thi hằng năm; Cập nhật theo danh sách công nhận tốt nghiệp")),
    (f"{HD}/24", "sharing", eq("- Chia sẻ dữ liệu mặc định")),
    # row 27: purpose and collection continue after the page header (lines 1881-1909)
    (f"{HD}/27", "agency", eq("Sở Lao động, Thương Binh và Xã hội")),
    (f"{HD}/27", "name", eq("Cơ sở dữ liệu về thị trường lao động")),
    (f"{HD}/27", "purpose", has("Chia sẻ thông tin về thực trạng lao động, việc làm, thất nghiệp", ends="nhu cầu tuyển dụng lao động làm cơ sở để xác định hướng đào tạo và bố trí hợp lý nguồn nhân lực.")),
    (f"{HD}/27", "collection", has("UBND cấp xã có trách nhiệm thu thập số liệu thông tin cung lao động; UBND cấp huyện có trách nhiệm thu thập thông tin cầu lao động;", "Sở Lao động Thương binh và Xã hội nhập và quản lý thông tin", ends="theo hướng dẫn của Bộ Lao động - Thương binh và Xã hội.")),
    (f"{HD}/27", "sharing", eq("Chia sẻ dữ liệu mặc định")),
    # row 29: the name (13 lines) ends after the page header (lines 2039-2043); "nghiệpvà" is the source's typo
    (f"{HD}/29", "agency", one_of("Sở Nông nghiệpvà Phát triển nông thôn", "Sở Nông nghiệp và Phát triển nông thôn")),
    (f"{HD}/29", "name", eq("Cơ sở dữ liệu về bản đồ thổ nhưỡng, nông hóa phục vụ thâm canh, chuyển đổi cơ cấu cây trồng và quản lý sử dụng bền vững tài nguyên đất nông nghiệp tỉnh Hải Dương")),
    (f"{HD}/29", "purpose", has("Cung cấp được thực trạng và tiềm năng đất sản xuất nông nghiệp", ends="Cung cấp bản đồ số tài nguyên đất sản xuất nông nghiệp tỉnh Hải Dương trực tuyến.", lacks=ROW_DEBRIS)),
    (f"{HD}/29", "collection", eq("Cơ sở dữ liệu công khai trên website. Dữ liệu được cập nhật từ kết quả phân tích mẫu chuyên dùng và quan trắc theo kế hoạch định kỳ")),
    (f"{HD}/29", "content", has("Khai thác dữ liệu về bản đồ thổ nhưỡng, nông hóa phục vụ thâm canh,", ends="quản lý sử dụng bền vững tài nguyên đất nông nghiệp tỉnh Hải Dương")),
    (f"{HD}/30", "agency", eq("Các Sở, Ban, Ngành, UBND cấp huyện, cấp xã")),
    (f"{HD}/30", "name", eq("Cơ sở dữ liệu các Cổng/ Trang thông tin điện tử")),
    (f"{HD}/30", "collection", eq("Do các cơ quan, đơn vị chủ quản thu thập, cập nhật và tự đăng lại từ một số nguồn tin cho phép")),
    (f"{HD}/30", "sharing", eq("Dữ liệu mở")),
]
# fmt: on
# fmt: off
FIELDS += [
    # --- Quảng Ninh: tab-separated rows; page breaks split a row onto a line starting with a tab ---
    # row A-1: HTML list in cells (line 95)
    (f"{QN}/A-1", "group_title", has("NHÓM CSDL DO BỘ, NGÀNH TRUNG ƯƠNG TRIỂN KHAI")),
    (f"{QN}/A-1", "sector", has("LĨNH VỰC NỘI VỤ", lacks=("15", "CSDL"))),
    (f"{QN}/A-1", "name", eq("CSDL tổ chức, bộ máy")),
    (f"{QN}/A-1", "agency", eq("Sở Nội vụ")),
    (f"{QN}/A-1", "purpose", eq("Quản lý dữ liệu về tổ chức, bộ máy phục vụ công tác quản lý nhà nước về tổ chức, bộ máy")),
    (f"{QN}/A-1", "scope|content", eq("- Thông tin về tổ chức, bộ máy cơ quan hành chính nhà nước, đơn vị sự nghiệp công lập;\n- Thông tin về vị trí việc làm, biên chế công chức, số lượng người làm việc trong đơn vị sự nghiệp công lập;\n- Thông tin về tình hình biên chế trong các cơ quan hành chính, đơn vị sự nghiệp công lập;\n- Thông tin về số lượng cấp phó trong các cơ quan hành chính, đơn vị sự nghiệp công lập;\n- Thông tin quản lý khác.")),
    (f"{QN}/A-1", "collection", eq("- Các sở, ngành, địa phương có trách nhiệm cập nhật dữ liệu ban đầu, cập nhật khi có thay đổi;\n- Sở Nội vụ quản lý")),
    (f"{QN}/A-1", "sharing", eq("Kết nối, chia sẻ dữ liệu với các hệ thống thông tin quốc gia, bộ, ngành và các hệ thống thông tin của tỉnh")),
    (f"{QN}/A-1", "notes", eq("Quyết định số 413/QĐ-BNV ngày 26/4/2025 của Bộ Nội vụ")),
    # row A-2: the last list item comes on line 98, after a blank line
    (f"{QN}/A-2", "scope|content", has("- Thông tin thôn, tổ dân phố về đơn vị hành chính các cấp.", ends="\n- Thông tin quản lý khác.")),
    (f"{QN}/A-2", "collection", eq("UBND tỉnh, thành phố trực thuộc Trung ương (Sở Nội vụ) cập nhật")),
    # row A-5: HTML list in purpose, content and collection
    (f"{QN}/A-5", "name", eq("CSDL quản lý cán bộ, công chức, viên chức")),
    (f"{QN}/A-5", "purpose", has("Quản lý tập trung, thống nhất toàn bộ hồ sơ cán bộ, công chức, viên chức trong tỉnh", "Thông tin trong CSDL thay thế các văn bản giấy trong quá trình quản lý cán bộ", lacks=("<", "list-style"))),
    (f"{QN}/A-5", "scope|content", has("Thông tin cán bộ, công chức, viên chức theo quy định về hồ sơ CBCCVV của Bộ Nội vụ", "Quá trình công tác, thi đua khen thưởng, kỷ luật, ngạch, bậc, lương", lacks=("<",))),
    (f"{QN}/A-5", "collection", has("Số hóa hồ sơ ban đầu", "Các cơ quan, đơn vị có trách nhiệm cập nhật lên CSDL", ends="Các CBCCVV tự cập nhật khi có sự thay đổi", lacks=("<",))),
    (f"{QN}/A-5", "sharing", eq("Kết nối, đồng bộ đồng bộ, kết nối với cơ sở dữ liệu quốc gia về cán bộ, công chức, viên chức do Bộ Nội vụ quản lý")),
    (f"{QN}/A-6", "purpose", eq("Quản lý dữ liệu về hội, quỹ, tổ chức phi chính phủ nhằm quản lý thống nhất từ Trung ương đến địa phương phục vụ công tác quản lý nhà nước về hội, quỹ, tổ chức phi chính phủ")),
    # row A-7: split by a page break (lines 104 and 106); the agency's "vụ" repeats on the continuation line
    (f"{QN}/A-7", "name", eq("CSDL quản lý tổ chức, cá nhân hoạt động kinh doanh dịch vụ lưu trữ.")),
    (f"{QN}/A-7", "agency", eq("Sở Nội vụ")),
    (f"{QN}/A-7", "purpose", eq("Quản lý tổ chức hoạt động kinh doanh dịch vụ lưu trữ và cá nhân có chứng chỉ hành nghề lưu trữ")),
    (f"{QN}/A-7", "scope|content", has("Thông tin về tổ chức kinh doanh dịch vụ lưu trữ", "Thông tin về các hoạt động kinh doanh dịch vụ lưu trữ", ends="Thông tin cá nhân có chứng chỉ hành nghề lưu trữ")),
    (f"{QN}/A-7", "collection", eq("Cơ quan quản lý nhà nước, các tổ chức, cá nhân hoạt động dịch vụ lưu trữ cập nhật theo quy định")),
    (f"{QN}/A-7", "sharing", eq("Kết nối, chia sẻ dữ liệu với các hệ thống thông tin quốc gia, bộ, ngành và các hệ thống thông tin của tỉnh")),
    (f"{QN}/A-7", "notes", eq("Quyết định số 413/QĐ-BNV ngày 26/4/2025 của Bộ Nội vụ")),
    # row A-10: split (lines 109 and 111); "dịch vụ" / "vụ việc làm" repeats "vụ" across the break
    (f"{QN}/A-10", "name", eq("CSDL tổ chức dịch vụ việc làm")),
    (f"{QN}/A-10", "purpose", eq("Quản lý dữ liệu về tổ chức dịch vụ việc làm, kết quả hoạt động của tổ chức phục vụ công tác quản lý nhà nước về tạo việc làm, kết nối thông tin thị trường lao động.")),
    (f"{QN}/A-10", "collection", eq("Sở Nội vụ cập nhật thông tin quản lý (nếu có)")),
    (f"{QN}/A-10", "notes", eq("Quyết định số 413/QĐ-BNV ngày 26/4/2025 của Bộ Nội vụ")),
    # row A-12: split (lines 113 and 115)
    (f"{QN}/A-12", "name", eq("CSDL người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng")),
    (f"{QN}/A-12", "purpose", eq("Quản lý dữ liệu về người lao động Việt Nam đi làm việc ở nước ngoài; cho phép cập nhật, xử lý, tổng hợp, khai thác và cung cấp trực tuyến các thông tin, dữ liệu liên quan đến đối tượng nhằm phục vụ cho công tác quản lý, chỉ đạo, điều hành.")),
    (f"{QN}/A-12", "scope|content", has("Thông tin về hợp đồng, việc làm của lao động Việt Nam làm việc ở nước ngoài theo hợp đồng", ends="- Thông tin quản lý khác", lacks=("<",))),
    (f"{QN}/A-12", "collection", eq("Doanh nghiệp cập nhật thông tin; Cục Quản lý Lao động ngoài nước cập nhật thông tin quản lý")),
    (f"{QN}/A-12", "sharing", eq("Kết nối, chia sẻ dữ liệu với các hệ thống thông tin quốc gia, bộ, ngành và các hệ thống thông tin của tỉnh (sau khi các hệ thống, phần mềm do Bộ Nội vụ triển khai chính thức hoạt động)")),
    (f"{QN}/A-12", "notes", eq("Quyết định số 413/QĐ-BNV ngày 26/4/2025 của Bộ Nội vụ")),
    # row A-15: the purpose ends on line 120, after a blank line
    (f"{QN}/A-15", "purpose", eq("Quản lý toàn bộ thông tin về hồ sơ người có công phục vụ thực hiện, giám sát chính sách ưu đãi đối với đối tượng người có công.")),
    (f"{QN}/A-16", "sector", has("LĨNH VỰC XÂY DỰNG", lacks=("06",))),
    (f"{QN}/A-16", "name", eq("CSDL quy hoạch xây dựng")),
    (f"{QN}/A-16", "notes", eq(None)),  # empty notes cell stays null
    (f"{QN}/A-18", "agency", eq("Sở Xây dựng, UBND các xã, phường, đặc khu, Ban quản lý Khu Kinh tế Quảng Ninh")),
    (f"{QN}/A-18", "scope|content", has("theo phân cấp quản lý tại Quyết định 38/2021/QĐ-UBND:", "\n+ Sở Xây dựng: Công trình cấp đặc biệt", ends="- Thông tin về tổ chức, cá nhân thực hiện thiết kế công trình.", lacks=("<",))),
    # row A-21: split (lines 130 and 132) in every column
    (f"{QN}/A-21", "name", eq("CSDL về Khu công nghiệp, Khu kinh tế trên địa bàn tỉnh (thuộc CSDL về khu công nghiệp, khu kinh tế)")),
    (f"{QN}/A-21", "agency", eq("Ban Quản lý Khu kinh tế Quảng Ninh")),
    (f"{QN}/A-21", "purpose", eq("Quản lý thông tin, dữ liệu về các Khu công nghiệp, Khu kinh tế trên địa bàn tỉnh")),
    (f"{QN}/A-21", "scope|content", has("tổng vốn đầu tư, tình hình hoạt động của các doanh nghiệp, số lượng lao động, nhà ở cho công nhân, thiết chế văn hóa...", ends="trong các KCN, KKT tỉnh.")),
    (f"{QN}/A-21", "collection", eq("CSDL của Bộ Tài chính Dữ liệu thu thập, cập nhật từ Ban Quản lý Khu Kinh tế và các đơn vị liên quan Liên kết CSDL bản đồ nền, CSDL đất đai...")),
    (f"{QN}/A-21", "sharing", eq("Kết nối, chia sẻ dữ liệu với các hệ thống thông tin quốc gia, bộ, ngành và các hệ thống thông tin của tỉnh")),
    (f"{QN}/A-21", "notes", eq(None)),
    # row A-24: only seven cells (line 138), the sharing cell wrapped in <p>
    (f"{QN}/A-24", "sharing", eq("Kết nối, chia sẻ, tích hợp, đồng bộ dữ liệu liên quan với các hệ thống thông tin/cơ sở dữ liệu quốc gia, của bộ, ngành có liên quan, địa phương")),
    (f"{QN}/A-24", "notes", eq(None)),
    (f"{QN}/A-25", "sector", has("LĨNH VỰC NÔNG NGHIỆP VÀ MÔI TRƯỜNG", lacks=("06",))),
    (f"{QN}/A-25", "name", eq("CSDL các lĩnh vực của ngành Nông nghiệp – Lĩnh vực nông nghiệp")),
    # row A-28: split (lines 144 and 146); the sharing cell is empty on the first part
    (f"{QN}/A-28", "name", eq("CSDL môi trường")),
    (f"{QN}/A-28", "agency", eq("Sở Nông nghiệp và Môi trường")),
    (f"{QN}/A-28", "purpose", eq("Quản lý thông tin dữ liệu môi trường trên địa bàn tỉnh")),
    (f"{QN}/A-28", "scope|content", has("- Thông tin dữ liệu hàng năm về các Quyết định phê duyệt báo cáo đánh giá tác động môi trường", ends="Báo cáo kết quả quan trắc chất lượng môi trường định kỳ hàng năm")),
    (f"{QN}/A-28", "collection", has("- Nguồn dữ liệu tham chiếu: CSDL môi trường quốc gia, CSDL của Bộ Tài nguyên và Môi trường", "Nguồn dữ liệu chính: Được thu thập, cập nhật, số hóa từ hồ sơ môi trường của Sở Nông nghiệp và Môi trường", ends="CSDL khu công nghiệp, cụm công nghiệp...")),
    (f"{QN}/A-28", "sharing", eq("Kết nối, chia sẻ với hệ thống CSDL của Bộ Nông nghiệp và Môi trường và các đơn vị liên quan")),
    (f"{QN}/A-28", "notes", eq("Quyết định số 2913/QĐ-BNNMT ngày 30/7/2025 của Bộ Nông nghiệp và Môi trường.")),
    (f"{QN}/A-30", "purpose", eq("Truy xuất nguồn gốc, quản lý an toàn thực phẩm; phục vụ công tác kiểm tra, xử lý vi phạm và bảo vệ người tiêu dùng")),
    (f"{QN}/A-31", "sector", has("LĨNH VỰC DÂN TỘC VÀ TÔN GIÁO")),
    (f"{QN}/A-31", "agency", eq("Sở Dân tộc và Tôn giáo")),
    # row B-1: HTML <p> cells continued on line 157
    (f"{QN}/B-1", "group_title", has("NHÓM CSDL DO TỈNH TRIỂN KHAI")),
    (f"{QN}/B-1", "sector", has("LĨNH VỰC GIÁO DỤC VÀ ĐÀO TẠO", lacks=("01",))),
    (f"{QN}/B-1", "name", eq("CSDL ngành giáo dục tỉnh Quảng Ninh")),
    (f"{QN}/B-1", "agency", eq("Sở Giáo dục và Đào tạo")),
    (f"{QN}/B-1", "purpose", has("- Quản lý thông tin, dữ liệu các cơ sở giáo dục mầm non, giáo dục phổ thông, giáo dục thường xuyên trên địa bàn tỉnh.", ends="Quản lý thông tin, dữ liệu học sinh, giáo viên trên địa bàn tỉnh.", lacks=("<",))),
    (f"{QN}/B-1", "scope|content", has("- Thông tin cơ bản học sinh, tình hình học tập", ends="dữ liệu về người học, dữ liệu về chương trình giáo dục, dữ liệu về cơ sở vật chất trường học và các dữ liệu liên quan khác.", lacks=("<",))),
    (f"{QN}/B-1", "collection", has("Nguồn dữ liệu tham chiếu: CSDL ngành của Bộ Giáo dục và Đào tạo", "Nguồn dữ liệu chính: Các cơ sở giáo dục nhập liệu trên phần mềm quản lý trường học, xây dựng CSDL", ends="Nguồn dữ liệu liên kết: Cơ sở dữ liệu quốc gia về dân cư", lacks=("<",))),
    (f"{QN}/B-1", "notes", eq("CSDL đã có sẵn")),
    (f"{QN}/B-3", "name", eq("CDSL khám, chữa bệnh")),  # "CDSL" is the source's own spelling
    (f"{QN}/B-3", "collection", has("- Nguồn dữ liệu tham chiếu: CSDL của Bộ Y tế", "Nguồn dữ liệu liên kết: CSDL BHYT;", ends="CSDL phần mềm quản lý thông tin bệnh viện")),
    # row B-5: "kiểm" / "<p>tra tiến trình" is one word pair split by a page break
    (f"{QN}/B-5", "purpose", has("Quản lý tập trung, thống nhất thông tin và thuận tiện khai thác dữ liệu ngành công thương", "dễ dàng kiểm tra tiến trình, trích xuất dữ liệu để báo cáo theo nhiều trường dữ liệu.", lacks=("<",))),
    (f"{QN}/B-5", "notes", eq("Thời gian thực hiện: Năm 2026")),
    (f"{QN}/B-6", "name", eq("CSDL Sản phẩm, khách du lịch, sự kiện văn hoá thể thao và Du lịch trên địa bàn tỉnh Quảng Ninh")),
    (f"{QN}/B-6", "sharing", eq("Kết nối, chia sẻ dữ liệu với các hệ thống tin của tỉnh")),
    (f"{QN}/B-6", "notes", eq("Thời gian thực hiện: Năm 2026")),
    (f"{QN}/B-8", "sector", has("LĨNH VỰC NÔNG NGHIỆP VÀ MÔI TRƯỜNG", lacks=("05",))),
    (f"{QN}/B-8", "name", eq("CSDL Đất đai")),
    # row B-11: split (lines 180 and 182); "Sở Nông" / "ngành và Môi trường" lost the word "nghiệp" in the source
    (f"{QN}/B-11", "name", eq("CSDL quan trắc môi trường định kỳ tỉnh Quảng Ninh")),
    (f"{QN}/B-11", "agency", one_of("Sở Nông ngành và Môi trường", "Sở Nông nghiệp và Môi trường")),
    (f"{QN}/B-11", "purpose", eq("Phục vụ công tác quản lý nhà nước về môi trường trên địa bàn tỉnh")),
    (f"{QN}/B-11", "scope|content", has("- Dữ liệu quan trắc hiện trạng môi trường tỉnh Quảng Ninh", "- Dữ liệu quan trắc nước mặt theo giấy phép được cấp.", ends="- Dữ liệu quan trắc môi trường định kỳ trong nuôi trồng thủy sản", lacks=("<",))),
    (f"{QN}/B-11", "collection", eq("Thu thập, số hóa hồ sơ về Quan trắc môi trường")),
    # "các hệ" / "thông tin quốc gia" (lines 180, 182): the source also lost "thống" at the page break
    (f"{QN}/B-11", "sharing", one_of("Kết nối, chia sẻ dữ liệu với các hệ thông tin quốc gia, bộ, ngành và các hệ thống thông tin của tỉnh", "Kết nối, chia sẻ dữ liệu với các hệ thống thông tin quốc gia, bộ, ngành và các hệ thống thông tin của tỉnh")),
    (f"{QN}/B-11", "notes", eq("Hệ thống đã có sẵn, đang vận hành; tiếp tục duy trì")),
    (f"{QN}/B-13", "sector", has("LĨNH VỰC KHÁC")),
    (f"{QN}/B-13", "name", eq("CSDL Công báo điện tử")),
    (f"{QN}/B-13", "agency", eq("Văn phòng UBND tỉnh")),
    (f"{QN}/B-13", "scope|content", has("Các trường thông tin bao gồm:", "- Số công báo", ends="- Trích yếu", lacks=("<",))),
    (f"{QN}/B-13", "notes", eq("CSDL đã có sẵn")),
]
# fmt: on

# fmt: off
SHARING_MODES: list[tuple[str, list[SharingMode]]] = [
    (f"{HT}/1", [SPECIFIC]),
    (f"{HT}/2", [DEFAULT]),
    (f"{HT}/19", [OPEN, DEFAULT]),  # "Dữ liệu mở, được chia sẻ theo hình thức mặc định."
    (f"{HT}/20", [OPEN, DEFAULT]),
    (f"{HT}/32", [SPECIFIC]),
    (f"{HD}/1", [DEFAULT]),
    (f"{HD}/2", [OPEN]),
    (f"{HD}/5", [DEFAULT, SPECIFIC]),
    (f"{HD}/21", [DEFAULT, SPECIFIC]),
    (f"{HD}/30", [OPEN]),
    (f"{QN}/A-1", []),  # "Kết nối, chia sẻ dữ liệu với …" names no mode
    (f"{QN}/B-11", []),
]
# fmt: on

# First and last line (1-based) of the row in the source file.
# fmt: off
SOURCE_LINES: list[tuple[str, tuple[int, int]]] = [
    (f"{HT}/1", (54, 61)),
    (f"{HT}/25", (273, 281)),
    (f"{HT}/34", (359, 366)),
    (f"{QN}/A-1", (95, 95)),
    (f"{QN}/A-7", (104, 106)),
    (f"{QN}/B-11", (180, 182)),
]
# fmt: on


LAYOUTS = {HT: "cells", HD: "pdf", QN: "tsv"}


def params(rows: list[Any], name: Callable[[Any], str] = lambda row: str(row[0])) -> list[Any]:
    """Table rows as pytest params, each marked with the layout its document needs (see conftest)."""
    return [
        pytest.param(*row, id=name(row), marks=pytest.mark.needs_layouts(LAYOUTS[str(row[0]).split("/")[0]]))
        for row in rows
    ]


def _value(record: CatalogueEntry, name: str) -> list[str | None]:
    return [getattr(record, part) for part in name.split("|")]


@pytest.mark.parametrize(("entry_id", "field_name", "check"), params(FIELDS, lambda row: f"{row[0]}:{row[1]}"))
def test_entry_field_matches_source(entry_id: str, field_name: str, check: Check) -> None:
    values = _value(entry(entry_id), field_name)
    assert any(check.passes(v) for v in values), f"{entry_id} {field_name} = {values!r}, expected {check!r}"


CHECKED_ENTRIES = sorted({e for e, _, _ in FIELDS})


@pytest.mark.parametrize("entry_id", params([(e,) for e in CHECKED_ENTRIES]))
def test_checked_entry_has_no_html_or_layout_debris(entry_id: str) -> None:
    record = entry(entry_id)
    texts = {name: value for name, value in record.model_dump().items() if isinstance(value, str)}
    assert {name: p for name, value in texts.items() if (p := text_problems(value))} == {}


@pytest.mark.parametrize(("entry_id", "modes"), params(SHARING_MODES))
def test_sharing_modes_follow_the_sharing_cell(entry_id: str, modes: list[SharingMode]) -> None:
    assert sorted(entry(entry_id).sharing_modes) == sorted(modes)


@pytest.mark.parametrize(("entry_id", "lines"), params(SOURCE_LINES))
def test_source_lines_span_the_row(entry_id: str, lines: tuple[int, int]) -> None:
    assert entry(entry_id).source_lines == lines


def test_checks_cover_25_entries_across_the_three_documents() -> None:
    per_document = {d: sum(e.startswith(d + "/") for e in CHECKED_ENTRIES) for d in (HT, HD, QN)}
    assert sum(per_document.values()) >= 25 and min(per_document.values()) >= 8, per_document


@pytest.mark.parametrize(
    ("document_id", "expected_ids"),
    params(
        [
            (HT, [f"{HT}/{n}" for n in range(1, 35)]),
            (HD, [f"{HD}/{n}" for n in range(1, 31)]),
            (QN, [f"{QN}/A-{n}" for n in range(1, 32)] + [f"{QN}/B-{n}" for n in range(1, 14)]),
        ]
    ),
)
def test_every_row_is_parsed_once_in_source_order(document_id: str, expected_ids: list[str]) -> None:
    assert [e.id for e in parsed(document_id).entries] == expected_ids


# --- Decision body: articles, clauses and points ---
# fmt: off
CLAUSES: list[tuple[str, Check]] = [
    (f"{HT}/dieu-1", has("Ban hành kèm theo Quyết định này Danh mục cơ sở dữ liệu dùng chung tỉnh Hà Tĩnh (có Danh mục kèm theo).")),
    (f"{HT}/dieu-2.1.a", has("Chủ trì, phối hợp với các đơn vị có liên quan thực hiện tích hợp, khai thác hiệu quả các dữ liệu có liên quan đến Danh mục cơ sở dữ liệu dùng chung của tỉnh. Tham mưu xây dựng Cổng dữ liệu dùng chung, dữ liệu mở của tỉnh theo quy định.", lacks=("Tham mưu cho Ủy ban",))),
    (f"{HT}/dieu-2.2.b", has("đề xuất nội dung cập nhật, điều chỉnh, bổ sung Danh mục cơ sở dữ liệu dùng chung tỉnh Hà lĩnh và gửi Sở Thông tin và Truyền thông tổng hợp.")),
    (f"{HT}/dieu-3", has("Quyết định này có hiệu lực kể từ ngày ban hành.", lacks=("Nơi nhận",))),
    (f"{HD}/dieu-1", has("Ban hành kèm theo Quyết định này Danh mục cơ sở dữ liệu dùng chung tỉnh Hải Dương (có Danh mục kèm theo).")),
    (f"{HD}/dieu-2.1.a", has("xây dựng Kho cơ sở dữ liệu dùng chung và Cổng dữ liệu dùng chung của tỉnh;", "đảm bảo đồng bộ và an toàn thông tin.")),
    # lines 81-82: two stray URLs of a web page sit between "2. …của tỉnh:" and its point a)
    (f"{HD}/dieu-2.2.a", has("Theo thẩm quyền quản lý các cơ sở dữ liệu rà soát quy định nội dung dữ liệu được phép chia sẻ,", lacks=("http", "thuvienphapluat"))),
    (f"{HD}/dieu-2.2.d", has("theo quy định tại Điều 24 của Nghị định số 47/2020/NĐ-CP ngày 09/4/2020 của Chính phủ về việc quản lý, kết nối và chia sẻ dữ liệu số của cơ quan nhà nước.")),
    (f"{HD}/dieu-2.3", has("nghiên cứu, đề xuất, triển khai xây dựng cơ sở dữ liệu chuyên ngành hoặc của ngành dọc triển khai.")),
    (f"{HD}/dieu-3", has("Quyết định này có hiệu lực kể từ ngày ký.", lacks=("Nơi nhận",))),
    (f"{QN}/dieu-1", has("Ban hành kèm theo Danh mục cơ sở dữ liệu dùng chung tỉnh Quảng Ninh (Chi tiết tại Phụ lục kèm theo).")),
    (f"{QN}/dieu-2.2.a", has("theo Nghị quyết số 214/NQ-CP ngày 23/7/2025 của Chính phủ")),
    (f"{QN}/dieu-2.6", has("phải tuân thủ Luật Dữ liệu, pháp luật về bảo vệ dữ liệu cá nhân, pháp luật về bảo vệ bí mật nhà nước")),
    (f"{QN}/dieu-3", has("thay thế Quyết định 2609/QĐ-UBND ngày 17/9/2024 của Ủy ban nhân dân tỉnh")),
    (f"{QN}/dieu-4", has("chịu trách nhiệm thi hành Quyết định này", lacks=("Nơi nhận", "Lưu: VT"))),
]
# fmt: on


@pytest.mark.parametrize(("clause_id", "check"), params(CLAUSES))
def test_clause_text_matches_source(clause_id: str, check: Check) -> None:
    clauses = {c.id: c for c in parsed(clause_id.split("/")[0]).clauses}
    assert clause_id in clauses, f"{clause_id} missing; parsed: {sorted(clauses)}"
    assert check.passes(clauses[clause_id].text), f"{clause_id} text = {clauses[clause_id].text!r}, expected {check!r}"


def _points(document: str, article: int, clause: int, points: str) -> list[str]:
    return [f"{document}/dieu-{article}.{clause}"] + [f"{document}/dieu-{article}.{clause}.{p}" for p in points]


@pytest.mark.parametrize(
    ("document_id", "expected_ids"),
    params(
        [
            (HT, [f"{HT}/dieu-1", f"{HT}/dieu-2", *_points(HT, 2, 1, "ab"), *_points(HT, 2, 2, "ab"), f"{HT}/dieu-3"]),
            (
                HD,
                [
                    f"{HD}/dieu-1",
                    f"{HD}/dieu-2",
                    *_points(HD, 2, 1, "abc"),
                    *_points(HD, 2, 2, "abcd"),
                    f"{HD}/dieu-2.3",
                    f"{HD}/dieu-3",
                ],
            ),
            (
                QN,
                [
                    f"{QN}/dieu-1",
                    f"{QN}/dieu-2",
                    *_points(QN, 2, 1, "abcd"),
                    *_points(QN, 2, 2, "abc"),
                    *_points(QN, 2, 3, "abc"),
                    f"{QN}/dieu-2.4",
                    f"{QN}/dieu-2.5",
                    f"{QN}/dieu-2.6",
                    f"{QN}/dieu-3",
                    f"{QN}/dieu-4",
                ],
            ),
        ]
    ),
)
def test_every_article_clause_and_point_is_parsed(document_id: str, expected_ids: list[str]) -> None:
    assert sorted(c.id for c in parsed(document_id).clauses) == sorted(expected_ids)


def test_article_heading_is_its_title() -> None:
    clauses = {c.id: c for c in parsed(HT).clauses}
    assert clauses[f"{HT}/dieu-2"].heading == "Tổ chức thực hiện"


# --- Documents ---
# fmt: off
DOCUMENTS: list[tuple[str, str, Check]] = [
    (HT, "province", eq("Hà Tĩnh")),
    (HT, "number", eq("1402/QĐ-UBND")),  # line 46
    (HT, "date", eq("2022-07-12")),
    (HT, "signer", eq("Lê Ngọc Châu")),
    (HT, "title", has("Danh mục cơ sở dữ liệu dùng chung", "Hà Tĩnh")),
    (HD, "province", eq("Hải Dương")),
    (HD, "number", eq(None)),  # line 171: "Quyết định số          /QĐ-UBND ngày      /3/2022"
    (HD, "date", eq("2022-03")),
    (HD, "signer", eq("Nguyễn Minh Hùng")),
    (HD, "title", has("Danh mục cơ sở dữ liệu dùng chung tỉnh Hải Dương", lacks=("ƣ",))),
    (QN, "province", eq("Quảng Ninh")),
    (QN, "number", eq(None)),  # line 3: "Số: /QĐ-UBND"
    (QN, "date", eq("2026")),
    (QN, "signer", eq("Nguyễn Văn Công")),
    (QN, "replaces", has("2609/QĐ-UBND")),
]
# fmt: on


@pytest.mark.parametrize(("document_id", "field_name", "check"), params(DOCUMENTS, lambda row: f"{row[0]}:{row[1]}"))
def test_document_field_matches_source(document_id: str, field_name: str, check: Check) -> None:
    value = getattr(parsed(document_id).document, field_name)
    assert check.passes(value), f"{document_id} {field_name} = {value!r}, expected {check!r}"


@pytest.mark.parametrize(
    ("document_id", "count", "first"),
    params(
        [
            (
                HT,
                6,
                "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; Luật sửa đổi bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22/11/2019;",
            ),
            (
                HD,
                5,
                "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22/11/2019;",
            ),
            (QN, 8, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2026;"),
        ]
    ),
)
def test_legal_bases_are_the_can_cu_lines(document_id: str, count: int, first: str) -> None:
    bases = parsed(document_id).document.legal_bases
    assert (len(bases), bases[0]) == (count, first)
