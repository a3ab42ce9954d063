<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>EngineInfo</name>
    <message>
        <source>CPU, 1 thread</source>
        <translation>CPU，1 个线程</translation>
    </message>
    <message numerus="yes">
        <source>CPU, %n threads</source>
        <translation>
            <numerusform>CPU，%n 个线程</numerusform>
        </translation>
    </message>
    <message>
        <source>CUDA (1 device)</source>
        <translation>CUDA（1 个设备）</translation>
    </message>
    <message numerus="yes">
        <source>CUDA (%n devices)</source>
        <translation>
            <numerusform>CUDA（%n 个设备）</numerusform>
        </translation>
    </message>
    <message>
        <source>fp32 (no fast bf16)</source>
        <translation>fp32（无快速 bf16）</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>设备：%1</translation>
    </message>
    <message>
        <source>Processor: %1</source>
        <translation>处理器：%1</translation>
    </message>
    <message>
        <source>BLAS kernels: %1, 1 thread</source>
        <translation>BLAS 内核：%1，1 个线程</translation>
    </message>
    <message numerus="yes">
        <source>BLAS kernels: %1, %n threads</source>
        <translation>
            <numerusform>BLAS 内核：%1，%n 个线程</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobQueue</name>
    <message>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <source>The model does not fit in GPU memory (%1); it runs on the CPU instead, more slowly.</source>
        <translation>模型无法放入 GPU 显存（%1），改为在 CPU 上运行，速度较慢。</translation>
    </message>
</context>
<context>
    <name>Outpaint</name>
    <message>
        <source>The canvas can only grow: a margin is negative.</source>
        <translation>画布只能扩大：有一个边距为负数。</translation>
    </message>
    <message>
        <source>Give at least one side a margin.</source>
        <translation>请至少为一条边设置边距。</translation>
    </message>
    <message>
        <source>The seam width cannot be negative.</source>
        <translation>接缝宽度不能为负数。</translation>
    </message>
    <message>
        <source>%1 × %2 is larger than %3 pixels on a side.</source>
        <translation>%1 × %2 超过了每边 %3 像素的上限。</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分钟 %2 秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
</context>
<context>
    <name>SessionFile</name>
    <message>
        <source>the image table is cut short</source>
        <translation>图像表被截断</translation>
    </message>
    <message>
        <source>image %1 has an unknown format</source>
        <translation>图像 %1 的格式未知</translation>
    </message>
    <message>
        <source>image %1 has an impossible size %2×%3</source>
        <translation>图像 %1 的尺寸 %2×%3 不合理</translation>
    </message>
    <message>
        <source>image %1 is too large</source>
        <translation>图像 %1 过大</translation>
    </message>
    <message>
        <source>image %1 is cut short</source>
        <translation>图像 %1 被截断</translation>
    </message>
    <message>
        <source>image %1 does not match its size</source>
        <translation>图像 %1 与其尺寸不符</translation>
    </message>
    <message>
        <source>image %1 does not decompress</source>
        <translation>图像 %1 无法解压缩</translation>
    </message>
    <message>
        <source>image %1 does not fit in memory</source>
        <translation>内存不足以容纳图像 %1</translation>
    </message>
    <message>
        <source>an image reference is out of range</source>
        <translation>图像引用超出范围</translation>
    </message>
    <message>
        <source>a canvas origin is unknown</source>
        <translation>画布来源未知</translation>
    </message>
    <message>
        <source>a canvas record is cut short</source>
        <translation>画布记录被截断</translation>
    </message>
    <message>
        <source>it is not a Stipple session file</source>
        <translation>该文件不是 Stipple 会话文件</translation>
    </message>
    <message numerus="yes">
        <source>it is cut short (%n bytes)</source>
        <translation>
            <numerusform>文件被截断（%n 字节）</numerusform>
        </translation>
    </message>
    <message>
        <source>it was written by a newer Stipple (format %1)</source>
        <translation>该文件由更新版本的 Stipple 写入（格式 %1）</translation>
    </message>
    <message>
        <source>its format number is damaged</source>
        <translation>格式编号已损坏</translation>
    </message>
    <message>
        <source>its length does not match its header (the file is cut short or has extra bytes)</source>
        <translation>长度与文件头不符（文件被截断或含有多余字节）</translation>
    </message>
    <message>
        <source>its checksum does not match (the file is damaged)</source>
        <translation>校验和不匹配（文件已损坏）</translation>
    </message>
    <message>
        <source>the session header is cut short</source>
        <translation>会话头部被截断</translation>
    </message>
    <message>
        <source>the prompt panel record is damaged</source>
        <translation>提示词面板记录已损坏</translation>
    </message>
    <message>
        <source>the undo history is damaged</source>
        <translation>撤销历史记录已损坏</translation>
    </message>
    <message>
        <source>undo step %1 has an unknown kind</source>
        <translation>第 %1 个撤销步骤的类型未知</translation>
    </message>
    <message>
        <source>undo step %1 is cut short</source>
        <translation>第 %1 个撤销步骤被截断</translation>
    </message>
    <message>
        <source>the undo position is cut short</source>
        <translation>撤销位置被截断</translation>
    </message>
    <message>
        <source>there are bytes after the last record</source>
        <translation>最后一条记录之后还有多余字节</translation>
    </message>
</context>
<context>
    <name>stipple::ui::Autosaver</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>no permission to write in %1</source>
        <translation>没有在 %1 中写入的权限</translation>
    </message>
    <message>
        <source>the session file is held by another process</source>
        <translation>会话文件被另一个进程占用</translation>
    </message>
    <message>
        <source>Autosave failed: %1. The previous autosave is kept.</source>
        <translation>自动保存失败：%1。上一次的自动保存已保留。</translation>
    </message>
</context>
<context>
    <name>stipple::ui::BatchExportDialog</name>
    <message>
        <source>Batch Export</source>
        <translation>批量导出</translation>
    </message>
    <message>
        <source>Prompts</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>One prompt per line; lines starting with # are comments.
A CSV file with a header row (prompt, seed, steps, cfg, sampler, …) or JSON Lines sets other fields per row.</source>
        <translation>每行一条提示词；以 # 开头的行为注释。
带表头行（prompt, seed, steps, cfg, sampler, …）的 CSV 文件或 JSON Lines 文件可逐行设置其他字段。</translation>
    </message>
    <message>
        <source>&amp;Load File…</source>
        <translation>加载文件(&amp;L)…</translation>
    </message>
    <message>
        <source>Detect format</source>
        <translation>自动检测格式</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>JSON Lines</source>
        <translation>JSON Lines</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Incrementing from the seed</source>
        <translation>从种子起逐张递增</translation>
    </message>
    <message>
        <source>The same seed for each image</source>
        <translation>每张图像使用相同的种子</translation>
    </message>
    <message>
        <source>Random (recorded in the manifest)</source>
        <translation>随机（记录在清单文件中）</translation>
    </message>
    <message>
        <source>none, or e.g. cfg=5,7,9</source>
        <translation>无，或例如 cfg=5,7,9</translation>
    </message>
    <message>
        <source>none, or e.g. steps=20,30</source>
        <translation>无，或例如 steps=20,30</translation>
    </message>
    <message>
        <source>Start every image from the canvas (and its mask)</source>
        <translation>每张图像都以画布（及其蒙版）为起点</translation>
    </message>
    <message>
        <source>Open or generate a picture first</source>
        <translation>请先打开或生成一张图像</translation>
    </message>
    <message>
        <source>Images per &amp;prompt:</source>
        <translation>每条提示词的图像数(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Seeds:</source>
        <translation>种子(&amp;S)：</translation>
    </message>
    <message>
        <source>Sweep &amp;X:</source>
        <translation>X 轴扫描(&amp;X)：</translation>
    </message>
    <message>
        <source>Sweep &amp;Y:</source>
        <translation>Y 轴扫描(&amp;Y)：</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Placeholders: %1</source>
        <translation>占位符：%1</translation>
    </message>
    <message>
        <source>PNG (parameters in a text chunk)</source>
        <translation>PNG（参数写入文本块）</translation>
    </message>
    <message>
        <source>JPEG (parameters in EXIF)</source>
        <translation>JPEG（参数写入 EXIF）</translation>
    </message>
    <message>
        <source>WebP (parameters in EXIF)</source>
        <translation>WebP（参数写入 EXIF）</translation>
    </message>
    <message>
        <source>quality </source>
        <translation>质量 </translation>
    </message>
    <message>
        <source>Write the new image under another name</source>
        <translation>以其他名称写入新图像</translation>
    </message>
    <message>
        <source>Skip the image</source>
        <translation>跳过该图像</translation>
    </message>
    <message>
        <source>Contact sheet of all images (with the sweep&apos;s labels)</source>
        <translation>生成所有图像的网格总览图（带扫描轴标签）</translation>
    </message>
    <message>
        <source>Add to the other batch in this folder</source>
        <translation>添加到此文件夹中的另一批次</translation>
    </message>
    <message>
        <source>Let my own generations go first, between batch images</source>
        <translation>在批量图像之间优先处理我自己的生成任务</translation>
    </message>
    <message>
        <source>Finish the batch before my own generations</source>
        <translation>先完成批量导出，再处理我自己的生成任务</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>格式(&amp;O)：</translation>
    </message>
    <message>
        <source>File &amp;names:</source>
        <translation>文件名(&amp;N)：</translation>
    </message>
    <message>
        <source>If a file exis&amp;ts:</source>
        <translation>文件已存在时(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;While it runs:</source>
        <translation>运行期间(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Image to image from the canvas, strength %1</source>
        <translation>基于画布的图生图，重绘幅度 %1</translation>
    </message>
    <message>
        <source>Inpainting: the canvas&apos;s masked part is regenerated</source>
        <translation>局部重绘：重新生成画布的蒙版部分</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Load Prompt List</source>
        <translation>加载提示词列表</translation>
    </message>
    <message>
        <source>Prompt lists (*.txt *.csv *.jsonl *.ndjson);;All files (*)</source>
        <translation>提示词列表 (*.txt *.csv *.jsonl *.ndjson);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export Into Folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <source>Sweep %1: %2</source>
        <translation>%1 轴扫描：%2</translation>
    </message>
    <message>
        <source>Sweep Y needs a sweep X</source>
        <translation>Y 轴扫描需要先设置 X 轴扫描</translation>
    </message>
    <message>
        <source>Choose a folder for the images</source>
        <translation>请选择存放图像的文件夹</translation>
    </message>
    <message>
        <source>Type the prompts, one per line, or load a prompt list</source>
        <translation>请输入提示词（每行一条），或加载提示词列表</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>e.g. %1%2</source>
        <translation>例如 %1%2</translation>
    </message>
    <message numerus="yes">
        <source>This folder holds another batch (%n images). Choose another folder, or add to that batch.</source>
        <translation>
            <numerusform>此文件夹中已有另一批次（%n 张图像）。请选择其他文件夹，或添加到该批次。</numerusform>
        </translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>1 张图像</translation>
    </message>
    <message numerus="yes">
        <source>%n images</source>
        <translation>
            <numerusform>%n 张图像</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n already in the folder</source>
        <translation>
            <numerusform>，其中 %n 张已在文件夹中</numerusform>
        </translation>
    </message>
    <message>
        <source> · about %1</source>
        <translation> · 约 %1</translation>
    </message>
    <message>
        <source> · the time is estimated after the first image</source>
        <translation> · 用时将在第一张图像完成后估算</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… 另有 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stipple::ui::BatchProgressWindow</name>
    <message>
        <source>Batch Export – %1</source>
        <translation>批量导出 – %1</translation>
    </message>
    <message>
        <source>Waiting…</source>
        <translation>等待中…</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>%v of %m images</source>
        <translation>%v / %m 张图像</translation>
    </message>
    <message>
        <source>step %v of %m</source>
        <translation>第 %v / %m 步</translation>
    </message>
    <message>
        <source>Into %1</source>
        <translation>导出到 %1</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Stop after the image being made; resume any time</source>
        <translation>在当前图像完成后停止；可随时继续</translation>
    </message>
    <message>
        <source>&amp;Cancel Batch</source>
        <translation>取消批量导出(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Open Folder</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>Image %1 of %2</source>
        <translation>第 %1 / %2 张图像</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>已完成 %1 / %2</translation>
    </message>
    <message>
        <source>preparing…</source>
        <translation>准备中…</translation>
    </message>
    <message>
        <source>Elapsed %1</source>
        <translation>已用时 %1</translation>
    </message>
    <message>
        <source> · about %1 left</source>
        <translation> · 约剩 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n written</source>
        <translation>
            <numerusform>已写入 %n 张</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already there</source>
        <translation>
            <numerusform>%n 张已存在</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped (file exists)</source>
        <translation>
            <numerusform>跳过 %n 张（文件已存在）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n 张失败</numerusform>
        </translation>
    </message>
    <message>
        <source>Image %1: %2</source>
        <translation>图像 %1：%2</translation>
    </message>
    <message>
        <source>Batch failed</source>
        <translation>批量导出失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Every finished image is kept; export the same batch into this folder again to continue.</source>
        <translation>已完成的图像均会保留；将同一批次再次导出到此文件夹即可继续。</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>%1. Every finished image is kept.</source>
        <translation>%1。已完成的图像均会保留。</translation>
    </message>
    <message>
        <source>Done, 1 image failed</source>
        <translation>完成，1 张图像失败</translation>
    </message>
    <message numerus="yes">
        <source>Done, %n images failed</source>
        <translation>
            <numerusform>完成，%n 张图像失败</numerusform>
        </translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Contact sheet: %1</source>
        <translation>网格总览图：%1</translation>
    </message>
    <message>
        <source>1 image written in %1</source>
        <translation>用时 %1，写入 1 张图像</translation>
    </message>
    <message numerus="yes">
        <source>%n images written in %1</source>
        <translation>
            <numerusform>用时 %1，写入 %n 张图像</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1 images/min)</source>
        <translation> （每分钟 %1 张）</translation>
    </message>
    <message numerus="yes">
        <source>%n were already there</source>
        <translation>
            <numerusform>%n 张此前已存在</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed images:</source>
        <translation>失败的图像：</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>%1 of %2 done. Resume to continue where it stopped.</source>
        <translation>已完成 %1 / %2。点击“继续”可从中断处接着进行。</translation>
    </message>
    <message>
        <source>Pausing after this image…</source>
        <translation>将在此图像完成后暂停…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>stipple::ui::BrushToolBar</name>
    <message>
        <source>Tool Options</source>
        <translation>工具选项</translation>
    </message>
    <message>
        <source>Mask Brush</source>
        <translation>蒙版画笔</translation>
    </message>
    <message>
        <source>Mask brush: paint where the image should change (B)</source>
        <translation>蒙版画笔：涂抹图像中需要改变的地方（B）</translation>
    </message>
    <message>
        <source>Mask Eraser</source>
        <translation>蒙版橡皮擦</translation>
    </message>
    <message>
        <source>Mask eraser (E toggles)</source>
        <translation>蒙版橡皮擦（按 E 切换）</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Brush diameter in image pixels ([ and ] change it)</source>
        <translation>画笔直径，以图像像素计（按 [ 和 ] 调整）</translation>
    </message>
    <message>
        <source>Hardness:</source>
        <translation>硬度：</translation>
    </message>
    <message>
        <source>Soft (left) to hard (right) brush edge</source>
        <translation>画笔边缘从柔和（左）到锐利（右）</translation>
    </message>
    <message>
        <source>Mask opacity:</source>
        <translation>蒙版不透明度：</translation>
    </message>
    <message>
        <source>How strongly the mask tints the canvas</source>
        <translation>蒙版在画布上的着色强度</translation>
    </message>
</context>
<context>
    <name>stipple::ui::CanvasDocument</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <source>unsupported file type</source>
        <translation>不支持的文件类型</translation>
    </message>
    <message>
        <source>Erase Mask</source>
        <translation>擦除蒙版</translation>
    </message>
    <message>
        <source>Paint Mask</source>
        <translation>绘制蒙版</translation>
    </message>
    <message>
        <source>Clear Mask</source>
        <translation>清除蒙版</translation>
    </message>
    <message>
        <source>Fill Mask</source>
        <translation>填充蒙版</translation>
    </message>
    <message>
        <source>Invert Mask</source>
        <translation>反转蒙版</translation>
    </message>
    <message>
        <source>Extend Canvas</source>
        <translation>扩展画布</translation>
    </message>
    <message>
        <source>the saved canvas is incomplete</source>
        <translation>已保存的画布不完整</translation>
    </message>
    <message>
        <source>undo step %1 is incomplete</source>
        <translation>第 %1 个撤销步骤不完整</translation>
    </message>
    <message>
        <source>the undo position is out of range</source>
        <translation>撤销位置超出范围</translation>
    </message>
    <message>
        <source>the undo history does not lead to the saved canvas</source>
        <translation>撤销历史记录与已保存的画布不一致</translation>
    </message>
</context>
<context>
    <name>stipple::ui::ExtendCanvasDialog</name>
    <message>
        <source>Extend Canvas</source>
        <translation>扩展画布</translation>
    </message>
    <message>
        <source>Add to each side</source>
        <translation>各边增加</translation>
    </message>
    <message>
        <source>Presets…</source>
        <translation>预设…</translation>
    </message>
    <message>
        <source>Wider: 128 px left and right</source>
        <translation>加宽：左右各 128 px</translation>
    </message>
    <message>
        <source>Taller: 128 px top and bottom</source>
        <translation>加高：上下各 128 px</translation>
    </message>
    <message>
        <source>All around: 64 px</source>
        <translation>四周：各 64 px</translation>
    </message>
    <message>
        <source>To the right: 256 px</source>
        <translation>向右：256 px</translation>
    </message>
    <message>
        <source>Square (centred)</source>
        <translation>正方形（居中）</translation>
    </message>
    <message>
        <source>&amp;Top:</source>
        <translation>顶部(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Left:</source>
        <translation>左侧(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Right:</source>
        <translation>右侧(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Bottom:</source>
        <translation>底部(&amp;B)：</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>How far into the picture the seam is repainted, fading out</source>
        <translation>接缝向图像内部重绘的范围，逐渐淡出</translation>
    </message>
    <message>
        <source>&amp;Generate the new area now (with the prompt panel&apos;s settings)</source>
        <translation>立即生成新区域（使用提示词面板的设置）(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Seam:</source>
        <translation>接缝(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Extend</source>
        <translation>扩展(&amp;E)</translation>
    </message>
    <message>
        <source>%1 × %2 px  →  %3 × %4 px</source>
        <translation>%1 × %2 px  →  %3 × %4 px</translation>
    </message>
    <message>
        <source>  (rounded up to multiples of 8)</source>
        <translation>  （已向上取整为 8 的倍数）</translation>
    </message>
</context>
<context>
    <name>stipple::ui::GenerationController</name>
    <message numerus="yes">
        <source>Generating… (%n more queued)</source>
        <translation>
            <numerusform>正在生成…（另有 %n 项排队中）</numerusform>
        </translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <source>Model %1 loaded</source>
        <translation>模型 %1 已加载</translation>
    </message>
    <message>
        <source>Loading model %1…</source>
        <translation>正在加载模型 %1…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Cannot load the model</source>
        <translation>无法加载模型</translation>
    </message>
    <message>
        <source>Generation failed</source>
        <translation>生成失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>The result could not be kept in the history: %1</source>
        <translation>无法将结果保存到历史记录：%1</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Done in %1 s (%2 s/it)</source>
        <translation>完成，用时 %1 秒（%2 s/it）</translation>
    </message>
</context>
<context>
    <name>stipple::ui::GenerationSettings</name>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Karras</source>
        <translation>Karras</translation>
    </message>
    <message>
        <source>Exponential</source>
        <translation>指数</translation>
    </message>
    <message>
        <source>Uniform</source>
        <translation>均匀</translation>
    </message>
    <message>
        <source>Classifier-free guidance: how closely the image follows the prompt</source>
        <translation>无分类器引导（CFG）：图像与提示词的贴合程度</translation>
    </message>
    <message>
        <source>Images generated one after another, with seeds counting up</source>
        <translation>依次生成的图像数量，种子逐张递增</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>采样</translation>
    </message>
    <message>
        <source>Sampler:</source>
        <translation>采样器：</translation>
    </message>
    <message>
        <source>Schedule:</source>
        <translation>调度类型：</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>步数：</translation>
    </message>
    <message>
        <source>CFG scale:</source>
        <translation>CFG 系数：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>尺寸：</translation>
    </message>
    <message>
        <source>Batch count:</source>
        <translation>总批次数：</translation>
    </message>
    <message>
        <source>How much of the image is repainted: 0 keeps it, 1 ignores it</source>
        <translation>图像被重绘的程度：0 保留原图，1 完全忽略原图</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Whole picture</source>
        <translation>整张图像</translation>
    </message>
    <message>
        <source>Only masked</source>
        <translation>仅蒙版区域</translation>
    </message>
    <message>
        <source>Only masked: renders the masked area at the full output size, for detail</source>
        <translation>仅蒙版区域：以完整输出尺寸渲染蒙版区域，以获得更多细节</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原图</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Latent noise</source>
        <translation>潜空间噪声</translation>
    </message>
    <message>
        <source>Latent nothing</source>
        <translation>空白潜空间</translation>
    </message>
    <message>
        <source>What the masked area starts from</source>
        <translation>蒙版区域的初始内容</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>重绘幅度：</translation>
    </message>
    <message>
        <source>Mask blur:</source>
        <translation>蒙版模糊：</translation>
    </message>
    <message>
        <source>Inpaint area:</source>
        <translation>重绘区域：</translation>
    </message>
    <message>
        <source>Padding:</source>
        <translation>边距：</translation>
    </message>
    <message>
        <source>Masked content:</source>
        <translation>蒙版区域内容：</translation>
    </message>
    <message>
        <source>Width in pixels (a multiple of 8)</source>
        <translation>宽度，单位为像素（8 的倍数）</translation>
    </message>
    <message>
        <source>Height in pixels (a multiple of 8)</source>
        <translation>高度，单位为像素（8 的倍数）</translation>
    </message>
    <message>
        <source>Swap width and height</source>
        <translation>交换宽度和高度</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Canvas size</source>
        <translation>画布尺寸</translation>
    </message>
    <message>
        <source>Works at the canvas size, %1 × %2.</source>
        <translation>按画布尺寸 %1 × %2 处理。</translation>
    </message>
    <message>
        <source>Rendered at %1 × %2.</source>
        <translation>以 %1 × %2 渲染。</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <source>%1 must be a multiple of 8 (it is %2; %3 or %4 would work).</source>
        <translation>%1必须是 8 的倍数（当前为 %2；可改为 %3 或 %4）。</translation>
    </message>
    <message>
        <source>The canvas (%1 × %2) is larger than 4096 pixels; use “Only masked” inpainting or a smaller image.</source>
        <translation>画布（%1 × %2）大于 4096 像素；请使用“仅蒙版区域”局部重绘，或使用较小的图像。</translation>
    </message>
    <message>
        <source>The seed must be a whole number from 0 to 18446744073709551615, or -1 for random.</source>
        <translation>种子必须是 0 到 18446744073709551615 之间的整数，或 -1 表示随机。</translation>
    </message>
</context>
<context>
    <name>stipple::ui::HistoryPanel</name>
    <message>
        <source>Generated images appear here and stay after a restart.</source>
        <translation>生成的图像会显示在这里，重启后仍会保留。</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>使用</translation>
    </message>
    <message>
        <source>Put this image on the canvas (double-click)</source>
        <translation>将此图像放到画布上（双击）</translation>
    </message>
    <message>
        <source>Reuse</source>
        <translation>复用</translation>
    </message>
    <message>
        <source>Reuse its prompt and settings</source>
        <translation>复用其提示词和设置</translation>
    </message>
    <message>
        <source>Export a copy…</source>
        <translation>导出副本…</translation>
    </message>
    <message>
        <source>Delete from the history</source>
        <translation>从历史记录中删除</translation>
    </message>
    <message>
        <source>Put on Canvas</source>
        <translation>放到画布上</translation>
    </message>
    <message>
        <source>Reuse Parameters</source>
        <translation>复用参数</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>The image of this entry is missing: %1</source>
        <translation>此条目的图像缺失：%1</translation>
    </message>
    <message>
        <source>Export Image</source>
        <translation>导出图像</translation>
    </message>
    <message>
        <source>PNG image (*.png);;JPEG image (*.jpg *.jpeg);;WebP image (*.webp)</source>
        <translation>PNG 图像 (*.png);;JPEG 图像 (*.jpg *.jpeg);;WebP 图像 (*.webp)</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>Delete from History</source>
        <translation>从历史记录中删除</translation>
    </message>
    <message>
        <source>Delete this image from the history? The file is removed from disk.</source>
        <translation>要从历史记录中删除此图像吗？文件将从磁盘中移除。</translation>
    </message>
    <message>
        <source>Export %1 Images…</source>
        <translation>导出 %1 张图像…</translation>
    </message>
    <message>
        <source>Delete %1 Images</source>
        <translation>删除 %1 张图像</translation>
    </message>
    <message>
        <source>Export %1 Images Into</source>
        <translation>将 %1 张图像导出到</translation>
    </message>
    <message>
        <source>Exported %1 images into %2</source>
        <translation>已将 %1 张图像导出到 %2</translation>
    </message>
    <message>
        <source>Exported %1 of %2 images: %3</source>
        <translation>已导出 %1 / %2 张图像：%3</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>the image of %1 is missing</source>
        <translation>%1 的图像缺失</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Delete these %1 images from the history? The files are removed from disk.</source>
        <translation>要从历史记录中删除这 %1 张图像吗？文件将从磁盘中移除。</translation>
    </message>
</context>
<context>
    <name>stipple::ui::JobProgress</name>
    <message>
        <source>Step %v/%m</source>
        <translation>第 %v/%m 步</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <source>%1 s/it</source>
        <translation>%1 s/it</translation>
    </message>
    <message>
        <source>%1 it/s</source>
        <translation>%1 it/s</translation>
    </message>
    <message>
        <source>%1 · ETA %2</source>
        <translation>%1 · 预计剩余 %2</translation>
    </message>
</context>
<context>
    <name>stipple::ui::MainWindow</name>
    <message>
        <source>Open an image or type a prompt to begin.</source>
        <translation>打开一张图像或输入提示词即可开始。</translation>
    </message>
    <message>
        <source>Compute device used for generation</source>
        <translation>用于生成的计算设备</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Batch Export…</source>
        <translation>批量导出(&amp;B)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>C&amp;lear Mask</source>
        <translation>清除蒙版(&amp;L)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>&amp;Invert Mask</source>
        <translation>反转蒙版(&amp;I)</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Show &amp;Mask</source>
        <translation>显示蒙版(&amp;M)</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Load Model…</source>
        <translation>加载模型(&amp;L)…</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Recent Models</source>
        <translation>最近使用的模型(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Stipple</source>
        <translation>关于 Stipple(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Stipple&lt;/h3&gt;&lt;p&gt;Image generation and inpainting with latent diffusion models.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Stipple&lt;/h3&gt;&lt;p&gt;基于潜在扩散模型的图像生成与局部重绘。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Stipple</source>
        <translation>关于 Stipple</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销 %1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做 %1(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Fill Mask</source>
        <translation>填充蒙版(&amp;F)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Cancel Generation</source>
        <translation>取消生成</translation>
    </message>
    <message>
        <source>Zoom (Ctrl+0 fits, Ctrl+1 shows actual size)</source>
        <translation>缩放（Ctrl+0 适应窗口，Ctrl+1 显示实际大小）</translation>
    </message>
    <message>
        <source>Canvas size</source>
        <translation>画布尺寸</translation>
    </message>
    <message>
        <source>%1, %2 px</source>
        <translation>%1, %2 px</translation>
    </message>
    <message>
        <source>%1 × %2 px</source>
        <translation>%1 × %2 px</translation>
    </message>
    <message>
        <source>Use History Image</source>
        <translation>使用历史记录中的图像</translation>
    </message>
    <message>
        <source>the history</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The canvas has changes that are not saved. Save them first?</source>
        <translation>画布有未保存的更改。要先保存吗？</translation>
    </message>
    <message>
        <source>Prompt and settings taken from %1</source>
        <translation>已从 %1 载入提示词和设置</translation>
    </message>
    <message>
        <source>Open Image</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.webp *.bmp)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Save Image</source>
        <translation>保存图像</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export Image</source>
        <translation>导出图像</translation>
    </message>
    <message>
        <source>JPEG image (*.jpg *.jpeg);;PNG image (*.png);;WebP image (*.webp);;BMP image (*.bmp)</source>
        <translation>JPEG 图像 (*.jpg *.jpeg);;PNG 图像 (*.png);;WebP 图像 (*.webp);;BMP 图像 (*.bmp)</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>Canvas copied</source>
        <translation>画布已复制</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>The clipboard holds no image</source>
        <translation>剪贴板中没有图像</translation>
    </message>
    <message>
        <source>Load Model</source>
        <translation>加载模型</translation>
    </message>
    <message>
        <source>Stable Diffusion models (*.safetensors model_index.json);;All files (*)</source>
        <translation>Stable Diffusion 模型 (*.safetensors model_index.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Drop Image</source>
        <translation>拖放图像</translation>
    </message>
    <message>
        <source>E&amp;xtend Canvas…</source>
        <translation>扩展画布(&amp;X)…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+E</source>
        <translation>Ctrl+Alt+E</translation>
    </message>
    <message>
        <source>Show the batch export&apos;s progress</source>
        <translation>显示批量导出的进度</translation>
    </message>
    <message>
        <source>Batch Export Running</source>
        <translation>批量导出正在进行</translation>
    </message>
    <message>
        <source>A batch export has not finished. Quit and stop it?

Every image it has written is kept; exporting the same batch into the same folder again continues it.</source>
        <translation>批量导出尚未完成。要退出并停止它吗？

已写入的图像均会保留；将同一批次再次导出到同一文件夹即可继续。</translation>
    </message>
    <message>
        <source>Cannot extend the canvas: %1</source>
        <translation>无法扩展画布：%1</translation>
    </message>
    <message>
        <source>Canvas extended to %1 × %2 px; the new area is masked</source>
        <translation>画布已扩展至 %1 × %2 px；新区域已加上蒙版</translation>
    </message>
    <message numerus="yes">
        <source>Batch export finished: %n written</source>
        <translation>
            <numerusform>批量导出完成：已写入 %n 张</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Batch export ended: %n written</source>
        <translation>
            <numerusform>批量导出已结束：已写入 %n 张</numerusform>
        </translation>
    </message>
    <message>
        <source>Batch: %1</source>
        <translation>批量导出：%1</translation>
    </message>
    <message>
        <source>Another batch export is writing into %1: choose another folder, or wait for it to finish.</source>
        <translation>另一个批量导出正在写入 %1：请选择其他文件夹，或等待其完成。</translation>
    </message>
    <message>
        <source>The autosaved session from %1 cannot be restored: %2.%3</source>
        <translation>无法恢复 %1 自动保存的会话：%2。%3</translation>
    </message>
    <message>
        <source> It was kept as %1.</source>
        <translation> 已保留为 %1。</translation>
    </message>
    <message>
        <source>Restore Session</source>
        <translation>恢复会话</translation>
    </message>
    <message>
        <source>Stipple did not close properly. Restore the canvas as it was at %1?</source>
        <translation>Stipple 未正常关闭。要将画布恢复到 %1 时的状态吗？</translation>
    </message>
    <message>
        <source>one undo step</source>
        <translation>1 个撤销步骤</translation>
    </message>
    <message>
        <source>%1 undo steps</source>
        <translation>%1 个撤销步骤</translation>
    </message>
    <message>
        <source>%1, %2 × %3 px, %4</source>
        <translation>%1, %2 × %3 px, %4</translation>
    </message>
    <message>
        <source>Prompt: %1</source>
        <translation>提示词：%1</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>丢弃(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>稍后(&amp;L)</translation>
    </message>
    <message>
        <source>Keep the autosaved session and ask again at the next start</source>
        <translation>保留自动保存的会话，下次启动时再询问</translation>
    </message>
    <message>
        <source>The canvas was restored without its undo history: %1.</source>
        <translation>画布已恢复，但不含撤销历史记录：%1。</translation>
    </message>
    <message>
        <source>Session restored</source>
        <translation>会话已恢复</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>首选项(&amp;F)…</translation>
    </message>
    <message>
        <source>Language, theme and threads change when Stipple starts again.</source>
        <translation>语言、主题和线程数将在 Stipple 下次启动时更改。</translation>
    </message>
    <message>
        <source>Canvas</source>
        <translation>画布</translation>
    </message>
    <message>
        <source>&amp;Prompt Panel</source>
        <translation>提示词面板(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;History Panel</source>
        <translation>历史记录面板(&amp;H)</translation>
    </message>
</context>
<context>
    <name>stipple::ui::MessageBar</name>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>stipple::ui::ModelChooser</name>
    <message>
        <source>No model – Load Model…</source>
        <translation>无模型 – 加载模型…</translation>
    </message>
    <message>
        <source>Load a model (.safetensors file or diffusers folder)</source>
        <translation>加载模型（.safetensors 文件或 diffusers 文件夹）</translation>
    </message>
    <message>
        <source>%1 (bundled)</source>
        <translation>%1（内置）</translation>
    </message>
</context>
<context>
    <name>stipple::ui::NewCanvasDialog</name>
    <message>
        <source>New Canvas</source>
        <translation>新建画布</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>宽度：</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>高度：</translation>
    </message>
</context>
<context>
    <name>stipple::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>&amp;Engine</source>
        <translation>引擎(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Folders</source>
        <translation>文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Interface</source>
        <translation>界面(&amp;I)</translation>
    </message>
    <message>
        <source>Language, theme and threads take effect when Stipple starts again.</source>
        <translation>语言、主题和线程数将在 Stipple 下次启动时生效。</translation>
    </message>
    <message>
        <source>Automatic (the GPU when there is one)</source>
        <translation>自动（有 GPU 时使用 GPU）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <source>CUDA GPU (none found)</source>
        <translation>CUDA GPU（未找到）</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>设备(&amp;D)：</translation>
    </message>
    <message>
        <source>Automatic (fp16 on a GPU, bf16 on CPUs that are fast at it)</source>
        <translation>自动（GPU 上使用 fp16，能快速运行 bf16 的 CPU 上使用 bf16）</translation>
    </message>
    <message>
        <source>fp32 (exact, slowest)</source>
        <translation>fp32（精确，最慢）</translation>
    </message>
    <message>
        <source>bf16</source>
        <translation>bf16</translation>
    </message>
    <message>
        <source>fp16 (GPU only)</source>
        <translation>fp16（仅限 GPU）</translation>
    </message>
    <message>
        <source>&amp;Precision:</source>
        <translation>精度(&amp;P)：</translation>
    </message>
    <message>
        <source>All (%1)</source>
        <translation>全部（%1）</translation>
    </message>
    <message>
        <source>CPU threads for the engine; 0 uses every CPU this process may run on</source>
        <translation>引擎使用的 CPU 线程数；0 表示使用此进程可运行的所有 CPU</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>线程数(&amp;T)：</translation>
    </message>
    <message>
        <source>Approximate (fast)</source>
        <translation>近似（快速）</translation>
    </message>
    <message>
        <source>Full (decoded by the VAE)</source>
        <translation>完整（由 VAE 解码）</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Pre&amp;view:</source>
        <translation>预览(&amp;V)：</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> 步</translation>
    </message>
    <message>
        <source>A full preview costs about one VAE decode; fewer previews keep sampling fast</source>
        <translation>一次完整预览约耗费一次 VAE 解码的时间；减少预览次数可保持采样速度</translation>
    </message>
    <message>
        <source>Preview &amp;every:</source>
        <translation>预览间隔(&amp;E)：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <source>Choose a Folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <source>&amp;Images:</source>
        <translation>图像(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Batch exports:</source>
        <translation>批量导出(&amp;B)：</translation>
    </message>
    <message>
        <source>Checkpoints (.safetensors) and diffusers folders in these folders appear in the model list</source>
        <translation>这些文件夹中的检查点（.safetensors）和 diffusers 文件夹会显示在模型列表中</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Model folders:</source>
        <translation>模型文件夹(&amp;M)：</translation>
    </message>
    <message>
        <source>Add a Model Folder</source>
        <translation>添加模型文件夹</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>主题(&amp;H)：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>How often the session is autosaved while it changes (and always after a generation)</source>
        <translation>会话有更改时自动保存的间隔（每次生成后也总会自动保存）</translation>
    </message>
    <message>
        <source>&amp;Autosave every:</source>
        <translation>自动保存间隔(&amp;A)：</translation>
    </message>
    <message>
        <source>fp16 runs on a CUDA GPU only; on the CPU choose bf16, fp32 or Automatic.</source>
        <translation>fp16 仅能在 CUDA GPU 上运行；在 CPU 上请选择 bf16、fp32 或“自动”。</translation>
    </message>
    <message>
        <source>This CPU has no fast bf16 instructions: bf16 will be slower than fp32 here.</source>
        <translation>此 CPU 没有快速的 bf16 指令：在这里 bf16 会比 fp32 更慢。</translation>
    </message>
    <message>
        <source>The engine will run as: %1.</source>
        <translation>引擎将按以下配置运行：%1。</translation>
    </message>
    <message>
        <source> step</source>
        <translation> 步</translation>
    </message>
</context>
<context>
    <name>stipple::ui::PromptEdit</name>
    <message>
        <source>Tokens used / available. Long prompts are split into chunks of 75 tokens.</source>
        <translation>已用 / 可用 token 数。较长的提示词会按每 75 个 token 分段处理。</translation>
    </message>
</context>
<context>
    <name>stipple::ui::PromptPanel</name>
    <message>
        <source>Describe the image: a lighthouse on a cliff at dusk, oil painting</source>
        <translation>描述图像：a lighthouse on a cliff at dusk, oil painting</translation>
    </message>
    <message>
        <source>What to avoid: blurry, low quality</source>
        <translation>需要避免的内容：blurry, low quality</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Prompt</source>
        <translation>提示词(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Negative prompt</source>
        <translation>反向提示词(&amp;N)</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Image to Image</source>
        <translation>图生图</translation>
    </message>
    <message>
        <source>Inpaint</source>
        <translation>局部重绘</translation>
    </message>
    <message>
        <source>A new image from the prompt alone</source>
        <translation>仅根据提示词生成新图像</translation>
    </message>
    <message>
        <source>A new image that starts from the canvas</source>
        <translation>以画布为起点生成新图像</translation>
    </message>
    <message>
        <source>Repaint the masked part of the canvas</source>
        <translation>重绘画布的蒙版部分</translation>
    </message>
    <message>
        <source>Generate (Ctrl+Enter)</source>
        <translation>生成（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the running job (Esc)</source>
        <translation>取消正在运行的任务（Esc）</translation>
    </message>
    <message>
        <source>Choose a model first: Model ▸ Load Model… (a .safetensors file or a diffusers folder).</source>
        <translation>请先选择模型：模型 ▸ 加载模型…（.safetensors 文件或 diffusers 文件夹）。</translation>
    </message>
    <message>
        <source>Inpainting needs a mask: paint over the part to repaint, or switch to Image to Image.</source>
        <translation>局部重绘需要蒙版：请涂抹需要重绘的部分，或切换到“图生图”。</translation>
    </message>
    <message numerus="yes">
        <source>%n more queued</source>
        <translation>
            <numerusform>另有 %n 项排队中</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stipple::ui::RecentList</name>
    <message>
        <source>Clear List</source>
        <translation>清除列表</translation>
    </message>
</context>
<context>
    <name>stipple::ui::SeedField</name>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>The same seed, prompt and settings give the same image. Empty or -1: a new random seed each time.</source>
        <translation>相同的种子、提示词和设置会生成相同的图像。留空或 -1：每次使用新的随机种子。</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Reuse the seed of the last result</source>
        <translation>复用上一次结果的种子</translation>
    </message>
    <message>
        <source>Reuse the seed of the last result (%1)</source>
        <translation>复用上一次结果的种子（%1）</translation>
    </message>
</context>
</TS>
