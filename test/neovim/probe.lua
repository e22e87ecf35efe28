-- Run by test/neovim/neovim.test.ts in a headless Neovim, after a set-up from
-- docs/language-server.md has been loaded and a synthesis opened: it waits for the language
-- client, then records what a user would see — the diagnostics, the completion list after typing
-- "SDG 16." and the hover on a tag — as JSON in $SYNTHESIS_NVIM_RESULT, and quits.
-- Works on Neovim 0.7 and later (no API newer than 0.7 is used).
local result = { version = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) }
local probe = vim.fn.json_decode(os.getenv('SYNTHESIS_NVIM_PROBE'))

local function finish()
  local file = io.open(os.getenv('SYNTHESIS_NVIM_RESULT'), 'w')
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd('qall!')
end

local function fail(message)
  result.error = message
  finish()
end

local buf = vim.api.nvim_get_current_buf()
result.filetype = vim.bo[buf].filetype
if not vim.wait(20000, function() return #vim.lsp.buf_get_clients(buf) > 0 end, 50) then
  return fail('no language client attached to the buffer (filetype: ' .. result.filetype .. ')')
end
result.client = vim.lsp.buf_get_clients(buf)[select(1, next(vim.lsp.buf_get_clients(buf)))].name

-- Diagnostics, once they have come and stopped changing for a moment (the first ones may be sent
-- before the server has read the set-up's settings; it sends them again after).
local changed = vim.loop.now()
vim.api.nvim_create_autocmd('DiagnosticChanged', { callback = function() changed = vim.loop.now() end })
local function settled()
  return #vim.diagnostic.get(buf) >= probe.diagnostics and vim.loop.now() - changed > 1500
end
if not vim.wait(30000, settled, 50) then
  result.diagnostics = #vim.diagnostic.get(buf)
  return fail('expected ' .. probe.diagnostics .. ' diagnostics')
end
result.diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local code = d.code
  if code == nil and d.user_data and d.user_data.lsp then code = d.user_data.lsp.code end
  table.insert(result.diagnostics, { line = d.lnum, col = d.col, code = code, severity = d.severity, message = d.message })
end

local function request(method, line, character)
  local params = { textDocument = vim.lsp.util.make_text_document_params(), position = { line = line, character = character } }
  local responses = vim.lsp.buf_request_sync(buf, method, params, 10000)
  if not responses then return nil end
  for _, response in pairs(responses) do
    if response.result then return response.result end
  end
  return nil
end

-- A hover on a tag.
local hover = request('textDocument/hover', probe.hover.line, probe.hover.character)
if hover and hover.contents then
  result.hover = type(hover.contents) == 'table' and (hover.contents.value or vim.fn.json_encode(hover.contents)) or hover.contents
end

-- "SDG 16." typed on a new last line, then completion there.
local last = vim.api.nvim_buf_line_count(buf)
vim.api.nvim_buf_set_lines(buf, last, last, false, { 'Typed: SDG 16.' })
local completion = request('textDocument/completion', last, #'Typed: SDG 16.')
result.completion = {}
if completion then
  for _, item in ipairs(completion.items or completion) do
    table.insert(result.completion, { label = item.label, detail = item.detail })
  end
end
finish()
