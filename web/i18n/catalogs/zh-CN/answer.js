// zh-CN, the answer part: keys added while moving the claims strip's, the verdict's and the presets' across-seeds strings into the catalog (see ../zh-CN.js
// for the conventions). The same keys and placeholders in every language's answer.js.
export default {
  // ---- web/session/claim-tally.js：各结论在多个随机种子中成立的次数 ----------------------------
  'claimTally.count.done': { other: '在 {total} 个种子中有 {held} 个（训练 {steps} 步后）' },
  'claimTally.count.doneFailed': '在 {total} 个种子中有 {held} 个（训练 {steps} 步后；{failed} 个失败）',
  'claimTally.count.running': '目前已完成的 {done} 个种子中有 {held} 个（共 {total} 个，训练 {steps} 步后）',
  'claimTally.count.runningFailed': '目前已完成的 {done} 个种子中有 {held} 个（共 {total} 个，训练 {steps} 步后；{failed} 个失败）',
  'claimTally.count.stopped': '在已完成的 {done} 个种子中有 {held} 个（训练 {steps} 步后；在 {total} 个中的第 {done} 个时停止）',
  'claimTally.count.stoppedFailed': '在已完成的 {done} 个种子中有 {held} 个（训练 {steps} 步后；在 {total} 个中的第 {done} 个时停止；{failed} 个失败）',
  'claimTally.gradient': '{count}，{relu} 传到第一层的梯度比 {rival} 多。',
  'claimTally.chance': '{count}，{sigmoid} 的准确率停留在随机猜测水平。',
  'claimTally.zeros': '{count}，{relu} 有精确为 0 的输出（至少占其隐藏层输出的 {minShare}）。',
  'claimTally.best': '{count}，{relu} 的测试准确率最高。',
  // ---- web/views/verdict-panel.js：结论的跨种子统计 ----------------------------------------------
  'verdict.tally.title': '在当前设置下，跨多个随机种子：',
  // ---- web/session/preset-seeds.js + web/app/preset-bar.js：预设结果的跨种子检验 ---------------
  'presetSeeds.running': '正在跨种子检验：目前 {done} 个中有 {held} 个成立（共 {total} 个种子，训练 {steps} 步后）。',
  'presetSeeds.runningFailed': '正在跨种子检验：目前 {done} 个中有 {held} 个成立（共 {total} 个种子，训练 {steps} 步后，{failed} 个失败）。',
  'presetSeeds.done': '在 {total} 个种子中有 {held} 个成立（训练 {steps} 步后）。',
  'presetSeeds.doneFailed': '在 {total} 个种子中有 {held} 个成立（训练 {steps} 步后，{failed} 个失败）。',
  'presetSeeds.check': '在本浏览器中用 {seeds} 个种子检验',
};
