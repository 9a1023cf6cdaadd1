-- nvim-lint (https://github.com/mfussenegger/nvim-lint): put in your Neovim configuration.
-- speclint lints the buffer from standard input with the configuration of the file it will be
-- saved as, and prints `path:line:col: level rule-id message`.
local lint = require("lint")

lint.linters.speclint = {
  cmd = "speclint",
  stdin = true,
  args = {
    "check",
    "--format",
    "concise",
    "--stdin-filename",
    function()
      return vim.api.nvim_buf_get_name(0)
    end,
    "-",
  },
  stream = "stdout",
  ignore_exitcode = true, -- speclint exits 1 when it finds an error: that is not a failure here
  parser = require("lint.parser").from_pattern(
    "^(.-):(%d+):(%d+): (%a+) (%S+) (.*)$",
    { "file", "lnum", "col", "severity", "code", "message" },
    {
      ["error"] = vim.diagnostic.severity.ERROR,
      ["warning"] = vim.diagnostic.severity.WARN,
      ["info"] = vim.diagnostic.severity.INFO,
    },
    { source = "speclint" }
  ),
}

lint.linters_by_ft.markdown = { "speclint" }

vim.api.nvim_create_autocmd({ "BufEnter", "BufWritePost", "InsertLeave", "TextChanged" }, {
  pattern = { "*.md", "*.markdown" },
  callback = function()
    lint.try_lint()
  end,
})
