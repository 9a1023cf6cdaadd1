"""API005 invalid-openapi: an OpenAPI fragment that breaks the OpenAPI 3 structure."""

from __future__ import annotations

from typing import Iterator

from speclint.document.examples import character_span, load_fragment, structure_problems
from speclint.document.model import CodeBlock, Document
from speclint.engine.rule import Category, Level, Option, Rule, RuleContext, Violation


class InvalidOpenApi(Rule):
    """Flags an OpenAPI 3 fragment in a fenced YAML or JSON block that is not structurally valid.

    **What it flags.** A fenced `yaml`/`json` block that holds OpenAPI (an `openapi:` key, or a
    `paths:` mapping of `/...` paths) and breaks the OpenAPI 3.0/3.1 structure: an unknown field
    (`response:` for `responses:`, `parameter:`), a response without `description`, a status code
    that is not one (`OK:`, `20:`), a parameter without `name` or with `in: body`, a path parameter
    that is not `required: true`, a `requestBody` without `content`, a security scheme of an
    unknown type. With an `openapi:` key the document must also have `info` (title and version)
    and `paths`, `components` or `webhooks`; a fragment of `paths:` alone need not. Each finding
    points at the key concerned. The structure is checked with jsonschema against the compact
    schema shipped in `speclint/schemas/openapi-3-structure.json`. Swagger 2.0 is not checked.

    **Why it matters.** OpenAPI in a spec is meant to be fed to generators and mock servers. A
    fragment that no tool accepts means the contract was never really tried.

    **Example**

    ````markdown
    ```yaml
    paths:
      /orders/{id}:
        get:
          parameters:
            - name: id
              in: path
          response:
            "200":
              description: The order
    ```
    ````

    **Use instead**

    ````markdown
    ```yaml
    paths:
      /orders/{id}:
        get:
          parameters:
            - name: id
              in: path
              required: true
              schema: {type: string}
          responses:
            "200":
              description: The order
    ```
    ````
    """

    id = "API005"
    name = "invalid-openapi"
    category = Category.API_CONTRACT
    default_level = Level.ERROR
    options = (Option("max-problems", "int", 5, "Most findings reported for one fragment.", minimum=1),)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        limit = context.options["max-problems"]
        for _section, block in document.iter_blocks():
            if not isinstance(block, CodeBlock) or not block.fenced:
                continue
            fragment = load_fragment(block)
            if fragment is None:
                continue
            for count, problem in enumerate(structure_problems(fragment)):
                if count >= limit:
                    break
                yield Violation(character_span(block, problem.position), f"OpenAPI: {problem.message}")
