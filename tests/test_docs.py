"""The README and docs/ stand on their own: every link they make resolves inside the
repository, and every repository file a README command reads is shipped."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DOCUMENTS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
# [text](target), not images of outside addresses; the target up to a space or ')'.
MARKDOWN_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)[^)]*\)")


def _links(document: Path) -> list[str]:
    return MARKDOWN_LINK.findall(document.read_text(encoding="utf-8"))


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: str(path.relative_to(REPO)))
def test_links_resolve_inside_the_repository(document):
    links = _links(document)
    for link in links:
        if re.match(r"[a-z]+:", link):
            continue  # an outside address (http:, mailto:) is not a file of ours
        target = (document.parent / link.split("#")[0]).resolve()
        assert target.is_relative_to(REPO), f"{link} leaves the repository"
        assert target.exists(), f"{link} does not exist"


def test_the_readme_sends_readers_to_docs_in_the_repository():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    links = _links(REPO / "README.md")
    assert "docs/api.md" in links and "docs/annotation.md" in links
    assert not [link for link in links if "shared/" in link]
    # Outside users have no ../shared: the README must not send them to its contract.
    assert "SPEC.md" not in readme and "shared/ANNOTATION.md" not in readme


def test_the_code_cites_the_conventions_in_the_repository():
    """Comments cite docs/annotation.md, not a file outside the repository."""
    outside = [str(path.relative_to(REPO)) for path in sorted((REPO / "service").rglob("*.py"))
               if "ANNOTATION.md" in path.read_text(encoding="utf-8")]
    assert outside == []


def test_files_the_readme_commands_read_are_shipped():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in re.findall(r"--data-binary @(\S+)", readme):
        assert (REPO / name).is_file(), name


def test_the_first_command_names_the_port_and_the_bind_variable():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```")[1]
    assert "8000" in first_block and "HABARI_BIND" in first_block


# A ```sh block with a curl call and the ```json block right after it: the call's output.
_EXAMPLE = re.compile(r"```sh\n((?:(?!```).)*?curl (?:(?!```).)*?)```\n```json\n(.*?)```", re.S)


def _readme_examples() -> list[tuple[str, str]]:
    return _EXAMPLE.findall((REPO / "README.md").read_text(encoding="utf-8"))


def test_the_readme_has_examples_with_their_outputs():
    assert len(_readme_examples()) >= 3


@pytest.mark.parametrize("command, output", _readme_examples(), ids=lambda text: text.split("\n")[0][:40])
def test_a_readme_example_prints_what_the_service_returns(client, command, output):
    """The README says its outputs are real: they must stay the bundled model's."""
    path = re.search(r"localhost:8000(/[^'\s]*)", command).group(1)
    if "--data-binary @" in command:
        body = (REPO / re.search(r"--data-binary @(\S+)", command).group(1)).read_bytes()
        response = client.post(path, data=body, content_type="text/plain; charset=utf-8")
    else:
        response = client.post(path, json=json.loads(re.search(r"-d '(.*?)'", command, re.S).group(1)))
    expected, returned = json.loads(output), response.get_json()
    expected.pop("request_id", None), returned.pop("request_id", None)  # new for every request
    assert returned == expected
