"""`assessor audit verify` and `assessor audit show`."""
import pytest

from assessor.cli import main

from .tampering import append, change_after, last_seq, remove, rewind_head, swap


def verify(runner):
    return runner.invoke(main, ["audit", "verify", "--batch", "2"])


def test_verify_says_an_untouched_chain_is_intact(runner, db_session):
    append(db_session, 3)
    db_session.commit()
    expected = f"Checked {last_seq(db_session)} entries: the chain is intact."
    result = verify(runner)
    assert result.exit_code == 0, result.output
    assert result.output.strip() == expected


def _changed(session, seqs):
    change_after(session, seqs[1])
    return f"entry {seqs[1]}: its content does not match its hash: it was changed"


def _deleted(session, seqs):
    remove(session, seqs[1])
    return f"entry {seqs[2]}: entry {seqs[1]} is missing before it"


def _reordered(session, seqs):
    swap(session, seqs[1], seqs[2])
    return f"entry {seqs[1]}: it is out of order: entry {seqs[3]} was expected here"


def _head_moved(session, seqs):
    rewind_head(session)
    return f"head: it names entry {seqs[-2]} as the last, but the log ends at entry {seqs[-1]}"


@pytest.mark.parametrize("tamper", [_changed, _deleted, _reordered, _head_moved], ids=lambda f: f.__name__.strip("_"))
def test_verify_reports_tampering_and_fails(runner, db_session, tamper):
    seqs = [entry.seq for entry in append(db_session, 4)]
    expected = tamper(db_session, seqs)
    db_session.commit()
    result = verify(runner)
    assert result.exit_code == 1
    assert expected in result.output
    assert "problem(s) found" in result.output.splitlines()[-1]


def test_show_prints_a_learners_trail_newest_first(runner, db_session, world):
    learner = world.a.learner
    append(db_session, 2, actor=world.a.assessor, learner_id=learner.id, entity="sample", action="agreed")
    append(db_session, 1, actor=None, learner_id=world.b.learner.id)
    db_session.commit()
    result = runner.invoke(main, ["audit", "show", "--learner", learner.email.upper()])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("#")]
    assert len(lines) == 2
    assert world.a.assessor.name in lines[0] and lines[0].endswith("IQA agreed")
    assert int(lines[0].split()[0][1:]) > int(lines[1].split()[0][1:])
    assert "    Title: v1 → v2" in result.output


def test_show_limits_the_entries(runner, db_session, world):
    append(db_session, 3, learner_id=world.a.learner.id)
    db_session.commit()
    result = runner.invoke(main, ["audit", "show", "--learner", world.a.learner.email, "--limit", "2"])
    assert [line for line in result.output.splitlines() if line.startswith("#")][0].split()[2] == "System"
    assert sum(line.startswith("#") for line in result.output.splitlines()) == 2


def test_show_says_when_nothing_is_recorded_or_nobody_has_the_address(runner, db_session, world):
    empty = runner.invoke(main, ["audit", "show", "--learner", world.a.other_learner.email])
    assert empty.exit_code == 0 and "Nothing has been recorded" in empty.output
    unknown = runner.invoke(main, ["audit", "show", "--learner", "nobody@example.org"])
    assert unknown.exit_code == 1 and "no user with the email address nobody@example.org" in unknown.output
