"""Reading a CSV of learners: headers in either language, encodings, limits, and the signed rows."""
import pytest

from assessor.cohorts.roster import MAX_BYTES, RosterRow, UploadError, read_roster, sign_rows, unsign_rows


def test_reads_name_and_email_in_any_order_with_extra_columns():
    rows = read_roster(b"Email,Cohort,Name\nsian@example.org,X,Sian Jones\n")
    assert rows == [RosterRow(2, "Sian Jones", "sian@example.org")]


def test_reads_the_welsh_headers_in_any_case():
    rows = read_roster("ENW,E-bost\nSiân Jones,sian@example.org\n".encode())
    assert rows[0].name == "Siân Jones"


def test_reads_utf8_with_a_byte_order_mark():
    rows = read_roster("\ufeffname,email\nGwenllïan,g@example.org\n".encode("utf-8"))
    assert rows[0].name == "Gwenllïan"


def test_reads_windows_1252():
    rows = read_roster("name,email\nRenée Dŵr,r@example.org\n".replace("ŵ", "w").encode("cp1252"))
    assert rows[0].name == "Renée Dwr"


def test_reads_semicolons():
    assert read_roster(b"name;email\nA B;a@example.org\n")[0].email == "a@example.org"


def test_blank_rows_are_skipped_and_row_numbers_kept():
    rows = read_roster(b"name,email\n\nA,a@example.org\n,\nB,b@example.org\n")
    assert [row.number for row in rows] == [3, 5]


def test_short_rows_read_as_missing_cells():
    assert read_roster(b"name,email\nOnly Name\n") == [RosterRow(2, "Only Name", "")]


@pytest.mark.parametrize(
    "data, words",
    [
        (b"", "empty"),
        (b"  \n\n", "empty"),
        (b"Sian Jones,sian@example.org\n", "first row"),
        (b"name,email\n", "no learners"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a CSV"),
        ("name,email\nA,a@example.org\n".encode("utf-16"), "not a CSV"),
        (b"name,email\n" + b"x" * MAX_BYTES, "larger than 1 MB"),
    ],
)
def test_a_wrong_file_is_refused_clearly(data, words):
    with pytest.raises(UploadError, match=words):
        read_roster(data)


def test_at_most_a_thousand_learners():
    body = "".join(f"P {i},p{i}@example.org\n" for i in range(1001))
    with pytest.raises(UploadError, match="1,000"):
        read_roster(("name,email\n" + body).encode())
    assert len(read_roster(("name,email\n" + body[: body.index("P 1000")]).encode())) == 1000


def test_signed_rows_come_back_only_for_the_same_cohort_and_untouched():
    rows = [RosterRow(2, "A", "a@example.org")]
    token = sign_rows("secret", 7, rows)
    assert unsign_rows("secret", 7, token) == rows
    with pytest.raises(UploadError):
        unsign_rows("secret", 8, token)
    with pytest.raises(UploadError):
        unsign_rows("secret", 7, token[:-2] + "xx")


def test_signed_rows_expire():
    token = sign_rows("secret", 7, [RosterRow(2, "A", "a@example.org")])
    with pytest.raises(UploadError, match="expired"):
        unsign_rows("secret", 7, token, max_age=-1)
