// zh-CN, the app part: keys added while moving the page's (web/app, web/index.html, web/session) strings into the catalog (see ../zh-CN.js
// for the conventions). The same keys and placeholders in every language's app.js.
export default {
  // ---- web/index.html: the header, the view list, the views' own headings and ledes -------------
  'page.answerSummary': '答案，用平实的话说',
  'nav.curves': '曲线',
  'nav.depth': '深度',
  'page.curves.title': '曲线：每个激活函数及其导数',
  'page.curves.lede': '梯度反向穿过一层时，要乘以激活函数在那里的导数。sigmoid 的导数最大只有 0.25；tanh 的导数只在 0 处为 1，在两侧的平坦区降到 0；ReLU 的导数在神经元激活时恰好为 1。下图是穿过 n 层时的最好情形：最大导数的 n 次方。数值来自核心自己的计算内核。',
  'page.depth.title': '深度：梯度何时消失',
  'page.depth.lede': '用本次运行的数据，新建 1 到 10 个隐藏层（每层 16 个神经元）的网络，每个参赛激活函数一条线：在初始化时，最后一层的梯度有多少能传到第一层（多个随机种子的中位数，色带为其范围）。试试不同的初始化：tanh 在中等深度配合 Xavier 初始化能保持住；配合 N(0, 1) 时许多神经元饱和，比值却随深度增大：过大的权重使梯度爆炸，而不是消失；sigmoid 配合哪种初始化都会消失。',
  'page.network.title': '网络的每一条连接',
  'page.network.lede': '每条线是一个权重，颜色和粗细表示它此刻得到的梯度大小，所有参赛网络共用一个对数刻度：梯度消失表现为越靠近输入的连接越淡。死亡的神经元显示为灰色。把鼠标悬停在一个神经元上或聚焦它，可以放大查看它的输出图。',
  'page.seeds.title': '是运气吗？同一场赛跑换很多随机种子',
  'page.seeds.help.summary': '如何阅读随机种子图',
  'page.seeds.help.runs': '本页上的赛跑只用了一个随机种子。这里用同样的设置换很多随机种子再跑（{seeds} 设置，若地址中没有指定则为 20 个），每个种子训练相同的步数（{seedSteps}），在后台线程中与实时赛跑并行。每个点是一个随机种子；竖线是中位数，阴影框是中间的 80%（第 10 到第 90 百分位）。同一行的所有激活函数共用一个坐标轴。',
  'page.seeds.help.sweep': '命令行扫描的结果（{command}，JSON 或逗号分隔的表格）可以拖到这里，或用文件按钮选取：其中的行按设置分组，与本页设置不同的组会说明区别在哪里。',
  'run.play.title': '开始或暂停（空格键）',
  'points.empty': '清空平面（连同数据集一起移除）',

  // ---- web/app/control-widgets.js: a list's limits ---------------------------------------------
  'settings.limits.exact': '请选择 {min} 项。',
  'settings.limits.range': '请选择 {min} 到 {max} 项。',

  // ---- web/app/export.js: the PNG's lines --------------------------------------------------------
  'export.pngKey': '底色：预测的类别，越不确定越浅；实心点：训练点，圆环：测试点',
  'export.pngData': '{members}，数据集 {dataset}（{points} 个点，噪声 {noise}），隐藏层 {hidden}，随机种子 {seed}',
  'export.pngTraining': '优化器 {optimizer}，学习率 {learningRate}，批大小 {batchSize}，初始化 {init}',

  // ---- web/app/preset-record.js: what a preset states, held over 20 seeds ------------------------
  'presetRecord.lead': '这个预设所断言的结果（经本实验室的测试，在 20 个随机种子中至少 18 个成立），训练 {steps} 步后：',
  'presetRecord.compare': '{name} 的{metric}{op} {value}',
  'presetRecord.equals': '{name}：{metric} {value}',
  'presetRecord.op.below': '低于',
  'presetRecord.op.atMost': '至多为',
  'presetRecord.op.above': '高于',
  'presetRecord.op.atLeast': '至少为',
  'presetRecord.metric.trainAccuracy': '训练准确率',
  'presetRecord.metric.testAccuracy': '测试准确率',
  'presetRecord.metric.trainLoss': '训练损失',
  'presetRecord.metric.testLoss': '测试损失',
  'presetRecord.metric.firstLastGradRatio': '首层/末层梯度比',
  'presetRecord.metric.deadUnits': '死亡神经元数',
  'presetRecord.metric.zeroFraction': '精确零值占比',
  'presetRecord.metric.saturatedFraction': '饱和占比',

  // ---- web/session/param-table.js, config-fallback.js: refusals and fallbacks ---------------------
  'parse.tooLong': '长 {length} 个字符，最多 {max} 个',
  'config.outOfMemory': '{message}。这个图表放不进本页各图表共用的内存；其他图表继续运行。减少数据点、缩窄隐藏层或减少参赛网络即可放下。',
  'config.pointsKept': '{message}。手动添加的点已保留；“{field}”已恢复为默认值。',
  'error.not_whole': '{field}：{value} 不是 [{min}, {max}] 范围内的整数',
  'error.not_one_of': '{field}：“{value}”不在可选值 {allowed} 之中',
  'error.count_out_of_range': '{field}：{count} {unit}超出范围 [{min}, {max}]',
  'error.unit.items': '项',
  'error.length_mismatch': '{field}：有 {length} 个值，应为 {expected} 个',
  'error.layer_count_mismatch': '{field}：{count} 个值对应 {layers} 个层',
  'error.too_many_added': '{field}：添加了 {count} 个点，最多 {max} 个',
  'error.training_set_full': '{field}：训练集最多容纳 {max} 个点',
  'error.out_of_memory': '{field}：这次运行需要的内存超过各图表共用的 {maxBytes} 字节',
};
