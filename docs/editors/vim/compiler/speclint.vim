" Vim compiler file for speclint, the linter for Markdown specifications.
" Install: copy to ~/.vim/compiler/speclint.vim (Neovim: ~/.config/nvim/compiler/speclint.vim).
" Use:     :compiler speclint | make        (the current file: :make %)
" Or lint on every write of a Markdown file, in your vimrc:
"   autocmd FileType markdown compiler speclint
"   autocmd BufWritePost *.md,*.markdown silent make! % | cwindow
"
" speclint prints `path:line:col: level rule-id message`. The level is read into the quickfix
" type (e, w, i) and the message keeps the rule id. `%v` reads the column as a character
" position, as speclint counts it (code points): `%c` would take it as a byte offset, which lands
" left of the finding on lines with curly quotes, dashes or accented letters before it.
if exists("current_compiler")
  finish
endif
let current_compiler = "speclint"

if exists(":CompilerSet") != 2
  command -nargs=* CompilerSet setlocal <args>
endif

CompilerSet makeprg=speclint\ check\ --format\ concise
CompilerSet errorformat=%f:%l:%v:\ %trror\ %m,%f:%l:%v:\ %tarning\ %m,%f:%l:%v:\ %tnfo\ %m
