// zh-CN, the embed part: keys added while moving the embeds' (web/embed, web/embed.html, oEmbed) strings into the catalog (see ../zh-CN.js
// for the conventions). The same keys and placeholders in every language's embed.js.
export default {
  // ---- web/embed/figures.js ----
  'embed.figure.seeds': '多个种子下的赛跑',
  'embed.figure.curves': '激活函数及其斜率',
  'embed.figure.depth': '梯度随深度的变化',
  'embed.why.ratios': '第一层梯度与最后一层梯度之比',
  'embed.why.more': '每个网络的直方图、死亡神经元与饱和神经元',
  'embed.cost.coarseTimer': '不显示每秒步数：这个页面的计时器精度较低（它没有跨源隔离）。',
  'embed.unknown.version': '未知的代码片段版本“{value}”：按当前的默认值读取它的设置（可用版本：{allowed}）。',

  // ---- web/embed/caption.js ----
  'embed.caption': '{dataset}，{shape}，{optimizer} {learningRate}，种子 {seed}',
  'embed.caption.card': '{activation}：{settings}',
  'embed.caption.cleared': '仅手动添加的点',
  'embed.caption.noHidden': '无隐藏层',
  'embed.caption.dataset.circle': '圆环',
  'embed.caption.dataset.xor': '异或',
  'embed.caption.dataset.gauss': '高斯团',
  'embed.caption.dataset.spiral': '螺旋',
  'embed.caption.dataset.moons': '双月',
  'embed.caption.dataset.checkerboard': '棋盘',
  'embed.caption.optimizer.sgd': 'SGD',
  'embed.caption.optimizer.momentum': '动量 SGD',
  'embed.caption.optimizer.adam': 'Adam',

  // ---- scripts/oembed.mjs ----
  'embed.oembed.title.race': 'Activation Lab：各激活函数并排赛跑',
  'embed.oembed.title.card': 'Activation Lab：一个网络的训练过程',
  'embed.oembed.title.why': 'Activation Lab：逐层的梯度与神经元',
  'embed.oembed.title.cost': 'Activation Lab：各激活函数的计算量',
  'embed.oembed.title.claims': 'Activation Lab：三个结论的实测',
  'embed.oembed.title.curves': 'Activation Lab：激活函数及其斜率',
  'embed.oembed.title.depth': 'Activation Lab：不同深度下有多少梯度传到第一层',
  'embed.oembed.title.seeds': 'Activation Lab：同一场赛跑在多个种子下的结果',

  // ---- web/app/embed-dialog.js ----
  'embedDialog.figure.curves': '激活函数及其斜率',
  'embedDialog.figure.depth': '梯度随深度的变化',
  'embedDialog.figure.seeds': '多个种子下的赛跑',
  'embedDialog.link': '链接（两者都不支持的平台：它会展开为这种语言的链接卡片）',
  'embedDialog.fallbackAlt': 'Activation Lab：小型神经网络赛跑，唯一的区别是激活函数。打开实时图示。',
};
