<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>EngineInfo</name>
    <message>
        <source>CPU, 1 thread</source>
        <translation>CPU、1 スレッド</translation>
    </message>
    <message numerus="yes">
        <source>CPU, %n threads</source>
        <translation>
            <numerusform>CPU、%n スレッド</numerusform>
        </translation>
    </message>
    <message>
        <source>CUDA (1 device)</source>
        <translation>CUDA（1 デバイス）</translation>
    </message>
    <message numerus="yes">
        <source>CUDA (%n devices)</source>
        <translation>
            <numerusform>CUDA（%n デバイス）</numerusform>
        </translation>
    </message>
    <message>
        <source>fp32 (no fast bf16)</source>
        <translation>fp32（高速な bf16 なし）</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>デバイス: %1</translation>
    </message>
    <message>
        <source>Processor: %1</source>
        <translation>プロセッサ: %1</translation>
    </message>
    <message>
        <source>BLAS kernels: %1, 1 thread</source>
        <translation>BLAS カーネル: %1、1 スレッド</translation>
    </message>
    <message numerus="yes">
        <source>BLAS kernels: %1, %n threads</source>
        <translation>
            <numerusform>BLAS カーネル: %1、%n スレッド</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobQueue</name>
    <message>
        <source>unknown error</source>
        <translation>不明なエラー</translation>
    </message>
    <message>
        <source>The model does not fit in GPU memory (%1); it runs on the CPU instead, more slowly.</source>
        <translation>モデルが GPU メモリに収まりません（%1）。代わりに CPU で実行します（低速）。</translation>
    </message>
</context>
<context>
    <name>Outpaint</name>
    <message>
        <source>The canvas can only grow: a margin is negative.</source>
        <translation>キャンバスは拡張のみ可能です。負の余白があります。</translation>
    </message>
    <message>
        <source>Give at least one side a margin.</source>
        <translation>少なくとも 1 辺に余白を指定してください。</translation>
    </message>
    <message>
        <source>The seam width cannot be negative.</source>
        <translation>継ぎ目の幅を負の値にすることはできません。</translation>
    </message>
    <message>
        <source>%1 × %2 is larger than %3 pixels on a side.</source>
        <translation>%1 × %2 は一辺 %3 ピクセルの上限を超えています。</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 時間 %2 分</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
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
        <translation>画像テーブルが途中で切れています</translation>
    </message>
    <message>
        <source>image %1 has an unknown format</source>
        <translation>画像 %1 の形式が不明です</translation>
    </message>
    <message>
        <source>image %1 has an impossible size %2×%3</source>
        <translation>画像 %1 のサイズ %2×%3 はありえない値です</translation>
    </message>
    <message>
        <source>image %1 is too large</source>
        <translation>画像 %1 が大きすぎます</translation>
    </message>
    <message>
        <source>image %1 is cut short</source>
        <translation>画像 %1 が途中で切れています</translation>
    </message>
    <message>
        <source>image %1 does not match its size</source>
        <translation>画像 %1 のデータがサイズと一致しません</translation>
    </message>
    <message>
        <source>image %1 does not decompress</source>
        <translation>画像 %1 を展開できません</translation>
    </message>
    <message>
        <source>image %1 does not fit in memory</source>
        <translation>画像 %1 がメモリに収まりません</translation>
    </message>
    <message>
        <source>an image reference is out of range</source>
        <translation>画像の参照が範囲外です</translation>
    </message>
    <message>
        <source>a canvas origin is unknown</source>
        <translation>キャンバスの由来が不明です</translation>
    </message>
    <message>
        <source>a canvas record is cut short</source>
        <translation>キャンバスのレコードが途中で切れています</translation>
    </message>
    <message>
        <source>it is not a Stipple session file</source>
        <translation>Stipple のセッションファイルではありません</translation>
    </message>
    <message numerus="yes">
        <source>it is cut short (%n bytes)</source>
        <translation>
            <numerusform>ファイルが途中で切れています（%n バイト）</numerusform>
        </translation>
    </message>
    <message>
        <source>it was written by a newer Stipple (format %1)</source>
        <translation>新しいバージョンの Stipple で書き込まれています（形式 %1）</translation>
    </message>
    <message>
        <source>its format number is damaged</source>
        <translation>形式番号が破損しています</translation>
    </message>
    <message>
        <source>its length does not match its header (the file is cut short or has extra bytes)</source>
        <translation>長さがヘッダーと一致しません（ファイルが途中で切れているか、余分なバイトがあります）</translation>
    </message>
    <message>
        <source>its checksum does not match (the file is damaged)</source>
        <translation>チェックサムが一致しません（ファイルが破損しています）</translation>
    </message>
    <message>
        <source>the session header is cut short</source>
        <translation>セッションヘッダーが途中で切れています</translation>
    </message>
    <message>
        <source>the prompt panel record is damaged</source>
        <translation>プロンプトパネルのレコードが破損しています</translation>
    </message>
    <message>
        <source>the undo history is damaged</source>
        <translation>元に戻す履歴が破損しています</translation>
    </message>
    <message>
        <source>undo step %1 has an unknown kind</source>
        <translation>元に戻す履歴の %1 番目の操作の種類が不明です</translation>
    </message>
    <message>
        <source>undo step %1 is cut short</source>
        <translation>元に戻す履歴の %1 番目の操作が途中で切れています</translation>
    </message>
    <message>
        <source>the undo position is cut short</source>
        <translation>元に戻す位置が途中で切れています</translation>
    </message>
    <message>
        <source>there are bytes after the last record</source>
        <translation>最後のレコードの後に余分なバイトがあります</translation>
    </message>
</context>
<context>
    <name>stipple::ui::Autosaver</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>フォルダー %1 を作成できません</translation>
    </message>
    <message>
        <source>no permission to write in %1</source>
        <translation>%1 への書き込み権限がありません</translation>
    </message>
    <message>
        <source>the session file is held by another process</source>
        <translation>セッションファイルが別のプロセスによって使用されています</translation>
    </message>
    <message>
        <source>Autosave failed: %1. The previous autosave is kept.</source>
        <translation>自動保存に失敗しました：%1。前回の自動保存データは保持されています。</translation>
    </message>
</context>
<context>
    <name>stipple::ui::BatchExportDialog</name>
    <message>
        <source>Batch Export</source>
        <translation>バッチエクスポート</translation>
    </message>
    <message>
        <source>Prompts</source>
        <translation>プロンプト</translation>
    </message>
    <message>
        <source>One prompt per line; lines starting with # are comments.
A CSV file with a header row (prompt, seed, steps, cfg, sampler, …) or JSON Lines sets other fields per row.</source>
        <translation>1 行に 1 つのプロンプトを入力します。# で始まる行はコメントです。
ヘッダー行付きの CSV ファイル (prompt, seed, steps, cfg, sampler, …) または JSON Lines では、行ごとにほかの項目も指定できます。</translation>
    </message>
    <message>
        <source>&amp;Load File…</source>
        <translation>ファイルを読み込む(&amp;L)…</translation>
    </message>
    <message>
        <source>Detect format</source>
        <translation>形式を自動判別</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>プレーンテキスト</translation>
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
        <translation>画像</translation>
    </message>
    <message>
        <source>Incrementing from the seed</source>
        <translation>シードから 1 ずつ増加</translation>
    </message>
    <message>
        <source>The same seed for each image</source>
        <translation>すべての画像に同じシード</translation>
    </message>
    <message>
        <source>Random (recorded in the manifest)</source>
        <translation>ランダム（マニフェストに記録）</translation>
    </message>
    <message>
        <source>none, or e.g. cfg=5,7,9</source>
        <translation>なし、または cfg=5,7,9 など</translation>
    </message>
    <message>
        <source>none, or e.g. steps=20,30</source>
        <translation>なし、または steps=20,30 など</translation>
    </message>
    <message>
        <source>Start every image from the canvas (and its mask)</source>
        <translation>すべての画像をキャンバス（とそのマスク）から開始する</translation>
    </message>
    <message>
        <source>Open or generate a picture first</source>
        <translation>先に画像を開くか生成してください</translation>
    </message>
    <message>
        <source>Images per &amp;prompt:</source>
        <translation>プロンプトごとの画像数(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Seeds:</source>
        <translation>シード(&amp;S):</translation>
    </message>
    <message>
        <source>Sweep &amp;X:</source>
        <translation>スイープ X(&amp;X):</translation>
    </message>
    <message>
        <source>Sweep &amp;Y:</source>
        <translation>スイープ Y(&amp;Y):</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>出力</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <source>Placeholders: %1</source>
        <translation>プレースホルダー：%1</translation>
    </message>
    <message>
        <source>PNG (parameters in a text chunk)</source>
        <translation>PNG（パラメーターをテキストチャンクに保存）</translation>
    </message>
    <message>
        <source>JPEG (parameters in EXIF)</source>
        <translation>JPEG（パラメーターを EXIF に保存）</translation>
    </message>
    <message>
        <source>WebP (parameters in EXIF)</source>
        <translation>WebP（パラメーターを EXIF に保存）</translation>
    </message>
    <message>
        <source>quality </source>
        <translation>品質 </translation>
    </message>
    <message>
        <source>Write the new image under another name</source>
        <translation>新しい画像を別の名前で書き出す</translation>
    </message>
    <message>
        <source>Skip the image</source>
        <translation>その画像をスキップする</translation>
    </message>
    <message>
        <source>Contact sheet of all images (with the sweep&apos;s labels)</source>
        <translation>全画像のコンタクトシート（スイープのラベル付き）</translation>
    </message>
    <message>
        <source>Add to the other batch in this folder</source>
        <translation>このフォルダーにある別のバッチに追加する</translation>
    </message>
    <message>
        <source>Let my own generations go first, between batch images</source>
        <translation>自分の生成を優先する（バッチ画像の合間に実行）</translation>
    </message>
    <message>
        <source>Finish the batch before my own generations</source>
        <translation>自分の生成より先にバッチを完了する</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>フォルダー(&amp;F):</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>形式(&amp;O):</translation>
    </message>
    <message>
        <source>File &amp;names:</source>
        <translation>ファイル名(&amp;N):</translation>
    </message>
    <message>
        <source>If a file exis&amp;ts:</source>
        <translation>ファイルが既に存在する場合(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;While it runs:</source>
        <translation>実行中の動作(&amp;W):</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>エクスポート(&amp;E)</translation>
    </message>
    <message>
        <source>Image to image from the canvas, strength %1</source>
        <translation>キャンバスを元に生成（画像から画像）、強度 %1</translation>
    </message>
    <message>
        <source>Inpainting: the canvas&apos;s masked part is regenerated</source>
        <translation>インペイント：キャンバスのマスク部分を再生成します</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません：%2</translation>
    </message>
    <message>
        <source>Load Prompt List</source>
        <translation>プロンプトリストを読み込む</translation>
    </message>
    <message>
        <source>Prompt lists (*.txt *.csv *.jsonl *.ndjson);;All files (*)</source>
        <translation>プロンプトリスト (*.txt *.csv *.jsonl *.ndjson);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Export Into Folder</source>
        <translation>フォルダーへエクスポート</translation>
    </message>
    <message>
        <source>Sweep %1: %2</source>
        <translation>スイープ %1：%2</translation>
    </message>
    <message>
        <source>Sweep Y needs a sweep X</source>
        <translation>スイープ Y にはスイープ X が必要です</translation>
    </message>
    <message>
        <source>Choose a folder for the images</source>
        <translation>画像の保存先フォルダーを選択してください</translation>
    </message>
    <message>
        <source>Type the prompts, one per line, or load a prompt list</source>
        <translation>プロンプトを 1 行に 1 つずつ入力するか、プロンプトリストを読み込んでください</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>%1 行目：%2</translation>
    </message>
    <message>
        <source>e.g. %1%2</source>
        <translation>例：%1%2</translation>
    </message>
    <message numerus="yes">
        <source>This folder holds another batch (%n images). Choose another folder, or add to that batch.</source>
        <translation>
            <numerusform>このフォルダーには別のバッチ（画像 %n 枚）があります。別のフォルダーを選ぶか、そのバッチに追加してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>画像 1 枚</translation>
    </message>
    <message numerus="yes">
        <source>%n images</source>
        <translation>
            <numerusform>画像 %n 枚</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n already in the folder</source>
        <translation>
            <numerusform>、うち %n 枚はフォルダーに既存</numerusform>
        </translation>
    </message>
    <message>
        <source> · about %1</source>
        <translation> · 約 %1</translation>
    </message>
    <message>
        <source> · the time is estimated after the first image</source>
        <translation> · 所要時間は最初の画像の後に見積もります</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… ほか %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stipple::ui::BatchProgressWindow</name>
    <message>
        <source>Batch Export – %1</source>
        <translation>バッチエクスポート – %1</translation>
    </message>
    <message>
        <source>Waiting…</source>
        <translation>待機中…</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>順番待ち</translation>
    </message>
    <message>
        <source>%v of %m images</source>
        <translation>%v / %m 枚</translation>
    </message>
    <message>
        <source>step %v of %m</source>
        <translation>ステップ %v / %m</translation>
    </message>
    <message>
        <source>Into %1</source>
        <translation>保存先：%1</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>一時停止(&amp;P)</translation>
    </message>
    <message>
        <source>Stop after the image being made; resume any time</source>
        <translation>生成中の画像が終わったら停止（いつでも再開できます）</translation>
    </message>
    <message>
        <source>&amp;Cancel Batch</source>
        <translation>バッチをキャンセル(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Open Folder</source>
        <translation>フォルダーを開く(&amp;O)</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>開始中…</translation>
    </message>
    <message>
        <source>Image %1 of %2</source>
        <translation>画像 %1 / %2</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>%1 / %2 完了</translation>
    </message>
    <message>
        <source>preparing…</source>
        <translation>準備中…</translation>
    </message>
    <message>
        <source>Elapsed %1</source>
        <translation>経過 %1</translation>
    </message>
    <message>
        <source> · about %1 left</source>
        <translation> · 残り約 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n written</source>
        <translation>
            <numerusform>%n 枚書き出し済み</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already there</source>
        <translation>
            <numerusform>%n 枚は既存</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped (file exists)</source>
        <translation>
            <numerusform>%n 枚スキップ（ファイルが存在）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n 枚失敗</numerusform>
        </translation>
    </message>
    <message>
        <source>Image %1: %2</source>
        <translation>画像 %1：%2</translation>
    </message>
    <message>
        <source>Batch failed</source>
        <translation>バッチが失敗しました</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセルしました</translation>
    </message>
    <message>
        <source>Every finished image is kept; export the same batch into this folder again to continue.</source>
        <translation>完成した画像はすべて保持されます。続行するには、同じバッチをこのフォルダーにもう一度エクスポートしてください。</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>停止しました</translation>
    </message>
    <message>
        <source>%1. Every finished image is kept.</source>
        <translation>%1。完成した画像はすべて保持されます。</translation>
    </message>
    <message>
        <source>Done, 1 image failed</source>
        <translation>完了（1 枚失敗）</translation>
    </message>
    <message numerus="yes">
        <source>Done, %n images failed</source>
        <translation>
            <numerusform>完了（%n 枚失敗）</numerusform>
        </translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Contact sheet: %1</source>
        <translation>コンタクトシート：%1</translation>
    </message>
    <message>
        <source>1 image written in %1</source>
        <translation>1 枚を %1 で書き出しました</translation>
    </message>
    <message numerus="yes">
        <source>%n images written in %1</source>
        <translation>
            <numerusform>%n 枚を %1 で書き出しました</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1 images/min)</source>
        <translation> (%1 枚/分)</translation>
    </message>
    <message numerus="yes">
        <source>%n were already there</source>
        <translation>
            <numerusform>%n 枚は既に存在していました</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed images:</source>
        <translation>失敗した画像:</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>再開(&amp;R)</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <source>%1 of %2 done. Resume to continue where it stopped.</source>
        <translation>%1 / %2 完了。再開すると、停止した位置から続行します。</translation>
    </message>
    <message>
        <source>Pausing after this image…</source>
        <translation>この画像の後で一時停止します…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセル中…</translation>
    </message>
</context>
<context>
    <name>stipple::ui::BrushToolBar</name>
    <message>
        <source>Tool Options</source>
        <translation>ツールオプション</translation>
    </message>
    <message>
        <source>Mask Brush</source>
        <translation>マスクブラシ</translation>
    </message>
    <message>
        <source>Mask brush: paint where the image should change (B)</source>
        <translation>マスクブラシ：画像を変えたい部分を塗ります (B)</translation>
    </message>
    <message>
        <source>Mask Eraser</source>
        <translation>マスク消しゴム</translation>
    </message>
    <message>
        <source>Mask eraser (E toggles)</source>
        <translation>マスク消しゴム（E で切り替え）</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>サイズ:</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Brush diameter in image pixels ([ and ] change it)</source>
        <translation>ブラシの直径、画像のピクセル単位（[ と ] で変更）</translation>
    </message>
    <message>
        <source>Hardness:</source>
        <translation>硬さ:</translation>
    </message>
    <message>
        <source>Soft (left) to hard (right) brush edge</source>
        <translation>ブラシの縁：柔らかい（左）～硬い（右）</translation>
    </message>
    <message>
        <source>Mask opacity:</source>
        <translation>マスクの不透明度:</translation>
    </message>
    <message>
        <source>How strongly the mask tints the canvas</source>
        <translation>キャンバス上でのマスクの色の濃さ</translation>
    </message>
</context>
<context>
    <name>stipple::ui::CanvasDocument</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 を開けません：%2</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>%1 を保存できません：%2</translation>
    </message>
    <message>
        <source>unsupported file type</source>
        <translation>サポートされていないファイル形式です</translation>
    </message>
    <message>
        <source>Erase Mask</source>
        <translation>マスクの消去</translation>
    </message>
    <message>
        <source>Paint Mask</source>
        <translation>マスクの描画</translation>
    </message>
    <message>
        <source>Clear Mask</source>
        <translation>マスクのクリア</translation>
    </message>
    <message>
        <source>Fill Mask</source>
        <translation>マスクの塗りつぶし</translation>
    </message>
    <message>
        <source>Invert Mask</source>
        <translation>マスクの反転</translation>
    </message>
    <message>
        <source>Extend Canvas</source>
        <translation>キャンバスの拡張</translation>
    </message>
    <message>
        <source>the saved canvas is incomplete</source>
        <translation>保存されたキャンバスが不完全です</translation>
    </message>
    <message>
        <source>undo step %1 is incomplete</source>
        <translation>元に戻す履歴の %1 番目の操作が不完全です</translation>
    </message>
    <message>
        <source>the undo position is out of range</source>
        <translation>元に戻す位置が範囲外です</translation>
    </message>
    <message>
        <source>the undo history does not lead to the saved canvas</source>
        <translation>元に戻す履歴が保存されたキャンバスにつながりません</translation>
    </message>
</context>
<context>
    <name>stipple::ui::ExtendCanvasDialog</name>
    <message>
        <source>Extend Canvas</source>
        <translation>キャンバスを拡張</translation>
    </message>
    <message>
        <source>Add to each side</source>
        <translation>各辺に追加</translation>
    </message>
    <message>
        <source>Presets…</source>
        <translation>プリセット…</translation>
    </message>
    <message>
        <source>Wider: 128 px left and right</source>
        <translation>横に広げる：左右に 128 px</translation>
    </message>
    <message>
        <source>Taller: 128 px top and bottom</source>
        <translation>縦に広げる：上下に 128 px</translation>
    </message>
    <message>
        <source>All around: 64 px</source>
        <translation>四方に：64 px</translation>
    </message>
    <message>
        <source>To the right: 256 px</source>
        <translation>右に：256 px</translation>
    </message>
    <message>
        <source>Square (centred)</source>
        <translation>正方形（中央揃え）</translation>
    </message>
    <message>
        <source>&amp;Top:</source>
        <translation>上(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Left:</source>
        <translation>左(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Right:</source>
        <translation>右(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Bottom:</source>
        <translation>下(&amp;B):</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>How far into the picture the seam is repainted, fading out</source>
        <translation>継ぎ目を画像の内側へどこまで描き直すか（徐々に弱まります）</translation>
    </message>
    <message>
        <source>&amp;Generate the new area now (with the prompt panel&apos;s settings)</source>
        <translation>新しい領域を今すぐ生成する（プロンプトパネルの設定を使用）(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Seam:</source>
        <translation>継ぎ目(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Extend</source>
        <translation>拡張(&amp;E)</translation>
    </message>
    <message>
        <source>%1 × %2 px  →  %3 × %4 px</source>
        <translation>%1 × %2 px  →  %3 × %4 px</translation>
    </message>
    <message>
        <source>  (rounded up to multiples of 8)</source>
        <translation>  （8 の倍数に切り上げ）</translation>
    </message>
</context>
<context>
    <name>stipple::ui::GenerationController</name>
    <message numerus="yes">
        <source>Generating… (%n more queued)</source>
        <translation>
            <numerusform>生成中…（ほか %n 件が順番待ち）</numerusform>
        </translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>生成中…</translation>
    </message>
    <message>
        <source>Model %1 loaded</source>
        <translation>モデル %1 を読み込みました</translation>
    </message>
    <message>
        <source>Loading model %1…</source>
        <translation>モデル %1 を読み込み中…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセル中…</translation>
    </message>
    <message>
        <source>Cannot load the model</source>
        <translation>モデルを読み込めません</translation>
    </message>
    <message>
        <source>Generation failed</source>
        <translation>生成に失敗しました</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセルしました</translation>
    </message>
    <message>
        <source>The result could not be kept in the history: %1</source>
        <translation>結果を履歴に保存できませんでした：%1</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Done in %1 s (%2 s/it)</source>
        <translation>%1 秒で完了 (%2 s/it)</translation>
    </message>
</context>
<context>
    <name>stipple::ui::GenerationSettings</name>
    <message>
        <source>Default</source>
        <translation>デフォルト</translation>
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
        <translation>一様</translation>
    </message>
    <message>
        <source>Classifier-free guidance: how closely the image follows the prompt</source>
        <translation>Classifier-free guidance：画像がどれだけ忠実にプロンプトに従うか</translation>
    </message>
    <message>
        <source>Images generated one after another, with seeds counting up</source>
        <translation>順番に生成する画像の枚数（シードは 1 ずつ増加）</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>サンプリング</translation>
    </message>
    <message>
        <source>Sampler:</source>
        <translation>サンプラー:</translation>
    </message>
    <message>
        <source>Schedule:</source>
        <translation>スケジュール:</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>ステップ数:</translation>
    </message>
    <message>
        <source>CFG scale:</source>
        <translation>CFG スケール:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>シード:</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>出力</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>サイズ:</translation>
    </message>
    <message>
        <source>Batch count:</source>
        <translation>バッチ回数:</translation>
    </message>
    <message>
        <source>How much of the image is repainted: 0 keeps it, 1 ignores it</source>
        <translation>画像をどれだけ描き直すか（0 で元のまま、1 で元画像を無視）</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Whole picture</source>
        <translation>画像全体</translation>
    </message>
    <message>
        <source>Only masked</source>
        <translation>マスク部分のみ</translation>
    </message>
    <message>
        <source>Only masked: renders the masked area at the full output size, for detail</source>
        <translation>マスク部分のみ：マスク領域を出力サイズいっぱいで描画し、細部まで描き込みます</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>オリジナル</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>塗りつぶし</translation>
    </message>
    <message>
        <source>Latent noise</source>
        <translation>潜在ノイズ</translation>
    </message>
    <message>
        <source>Latent nothing</source>
        <translation>潜在空白</translation>
    </message>
    <message>
        <source>What the masked area starts from</source>
        <translation>マスク領域の初期状態</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>強度:</translation>
    </message>
    <message>
        <source>Mask blur:</source>
        <translation>マスクのぼかし:</translation>
    </message>
    <message>
        <source>Inpaint area:</source>
        <translation>インペイント領域:</translation>
    </message>
    <message>
        <source>Padding:</source>
        <translation>パディング:</translation>
    </message>
    <message>
        <source>Masked content:</source>
        <translation>マスク部分の内容:</translation>
    </message>
    <message>
        <source>Width in pixels (a multiple of 8)</source>
        <translation>幅（ピクセル、8 の倍数）</translation>
    </message>
    <message>
        <source>Height in pixels (a multiple of 8)</source>
        <translation>高さ（ピクセル、8 の倍数）</translation>
    </message>
    <message>
        <source>Swap width and height</source>
        <translation>幅と高さを入れ替え</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>プリセット</translation>
    </message>
    <message>
        <source>Canvas size</source>
        <translation>キャンバスサイズ</translation>
    </message>
    <message>
        <source>Works at the canvas size, %1 × %2.</source>
        <translation>キャンバスサイズ（%1 × %2）で処理します。</translation>
    </message>
    <message>
        <source>Rendered at %1 × %2.</source>
        <translation>%1 × %2 で描画します。</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>幅</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>高さ</translation>
    </message>
    <message>
        <source>%1 must be a multiple of 8 (it is %2; %3 or %4 would work).</source>
        <translation>%1は 8 の倍数にしてください（現在は %2。%3 または %4 なら有効です）。</translation>
    </message>
    <message>
        <source>The canvas (%1 × %2) is larger than 4096 pixels; use “Only masked” inpainting or a smaller image.</source>
        <translation>キャンバス（%1 × %2）が 4096 ピクセルを超えています。「マスク部分のみ」でインペイントするか、より小さい画像を使用してください。</translation>
    </message>
    <message>
        <source>The seed must be a whole number from 0 to 18446744073709551615, or -1 for random.</source>
        <translation>シードは 0 から 18446744073709551615 までの整数、またはランダムを表す -1 にしてください。</translation>
    </message>
</context>
<context>
    <name>stipple::ui::HistoryPanel</name>
    <message>
        <source>Generated images appear here and stay after a restart.</source>
        <translation>生成した画像はここに表示され、再起動後も残ります。</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>使用</translation>
    </message>
    <message>
        <source>Put this image on the canvas (double-click)</source>
        <translation>この画像をキャンバスに配置（ダブルクリック）</translation>
    </message>
    <message>
        <source>Reuse</source>
        <translation>再利用</translation>
    </message>
    <message>
        <source>Reuse its prompt and settings</source>
        <translation>プロンプトと設定を再利用</translation>
    </message>
    <message>
        <source>Export a copy…</source>
        <translation>コピーをエクスポート…</translation>
    </message>
    <message>
        <source>Delete from the history</source>
        <translation>履歴から削除</translation>
    </message>
    <message>
        <source>Put on Canvas</source>
        <translation>キャンバスに配置</translation>
    </message>
    <message>
        <source>Reuse Parameters</source>
        <translation>パラメーターを再利用</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>The image of this entry is missing: %1</source>
        <translation>この項目の画像が見つかりません：%1</translation>
    </message>
    <message>
        <source>Export Image</source>
        <translation>画像をエクスポート</translation>
    </message>
    <message>
        <source>PNG image (*.png);;JPEG image (*.jpg *.jpeg);;WebP image (*.webp)</source>
        <translation>PNG 画像 (*.png);;JPEG 画像 (*.jpg *.jpeg);;WebP 画像 (*.webp)</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 をエクスポートしました</translation>
    </message>
    <message>
        <source>Delete from History</source>
        <translation>履歴から削除</translation>
    </message>
    <message>
        <source>Delete this image from the history? The file is removed from disk.</source>
        <translation>この画像を履歴から削除しますか？ファイルはディスクから削除されます。</translation>
    </message>
    <message>
        <source>Export %1 Images…</source>
        <translation>%1 枚の画像をエクスポート…</translation>
    </message>
    <message>
        <source>Delete %1 Images</source>
        <translation>%1 枚の画像を削除</translation>
    </message>
    <message>
        <source>Export %1 Images Into</source>
        <translation>%1 枚の画像のエクスポート先</translation>
    </message>
    <message>
        <source>Exported %1 images into %2</source>
        <translation>%1 枚の画像を %2 にエクスポートしました</translation>
    </message>
    <message>
        <source>Exported %1 of %2 images: %3</source>
        <translation>%2 枚中 %1 枚の画像をエクスポートしました：%3</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>フォルダー %1 を作成できません</translation>
    </message>
    <message>
        <source>the image of %1 is missing</source>
        <translation>%1 の画像が見つかりません</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 を書き込めません</translation>
    </message>
    <message>
        <source>Delete these %1 images from the history? The files are removed from disk.</source>
        <translation>これら %1 枚の画像を履歴から削除しますか？ファイルはディスクから削除されます。</translation>
    </message>
</context>
<context>
    <name>stipple::ui::JobProgress</name>
    <message>
        <source>Step %v/%m</source>
        <translation>ステップ %v/%m</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>開始中…</translation>
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
        <translation>%1 · 残り %2</translation>
    </message>
</context>
<context>
    <name>stipple::ui::MainWindow</name>
    <message>
        <source>Open an image or type a prompt to begin.</source>
        <translation>画像を開くかプロンプトを入力して始めてください。</translation>
    </message>
    <message>
        <source>Compute device used for generation</source>
        <translation>生成に使用する計算デバイス</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>プロンプト</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新規(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>エクスポート(&amp;E)…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Batch Export…</source>
        <translation>バッチエクスポート(&amp;B)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>貼り付け(&amp;P)</translation>
    </message>
    <message>
        <source>C&amp;lear Mask</source>
        <translation>マスクをクリア(&amp;L)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>&amp;Invert Mask</source>
        <translation>マスクを反転(&amp;I)</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>ウィンドウに合わせる(&amp;F)</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>実際のサイズ(&amp;A)</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Show &amp;Mask</source>
        <translation>マスクを表示(&amp;M)</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>モデル(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Load Model…</source>
        <translation>モデルを読み込む(&amp;L)…</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Recent Models</source>
        <translation>最近使ったモデル(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Stipple</source>
        <translation>Stipple について(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt について(&amp;Q)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Stipple&lt;/h3&gt;&lt;p&gt;Image generation and inpainting with latent diffusion models.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Stipple&lt;/h3&gt;&lt;p&gt;潜在拡散モデルによる画像生成とインペイント。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Stipple</source>
        <translation>Stipple について</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>%1を元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>%1をやり直す(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Fill Mask</source>
        <translation>マスクを塗りつぶし(&amp;F)</translation>
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
        <translation>生成をキャンセル</translation>
    </message>
    <message>
        <source>Zoom (Ctrl+0 fits, Ctrl+1 shows actual size)</source>
        <translation>ズーム（Ctrl+0 でウィンドウに合わせる、Ctrl+1 で実際のサイズ）</translation>
    </message>
    <message>
        <source>Canvas size</source>
        <translation>キャンバスサイズ</translation>
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
        <translation>履歴画像の使用</translation>
    </message>
    <message>
        <source>the history</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <source>The canvas has changes that are not saved. Save them first?</source>
        <translation>キャンバスに保存されていない変更があります。先に保存しますか？</translation>
    </message>
    <message>
        <source>Prompt and settings taken from %1</source>
        <translation>プロンプトと設定を読み込みました（%1）</translation>
    </message>
    <message>
        <source>Open Image</source>
        <translation>画像を開く</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp)</source>
        <translation>画像 (*.png *.jpg *.jpeg *.webp *.bmp)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 を保存しました</translation>
    </message>
    <message>
        <source>Save Image</source>
        <translation>画像を保存</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <source>Export Image</source>
        <translation>画像をエクスポート</translation>
    </message>
    <message>
        <source>JPEG image (*.jpg *.jpeg);;PNG image (*.png);;WebP image (*.webp);;BMP image (*.bmp)</source>
        <translation>JPEG 画像 (*.jpg *.jpeg);;PNG 画像 (*.png);;WebP 画像 (*.webp);;BMP 画像 (*.bmp)</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 をエクスポートしました</translation>
    </message>
    <message>
        <source>Canvas copied</source>
        <translation>キャンバスをコピーしました</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>貼り付け</translation>
    </message>
    <message>
        <source>The clipboard holds no image</source>
        <translation>クリップボードに画像がありません</translation>
    </message>
    <message>
        <source>Load Model</source>
        <translation>モデルを読み込む</translation>
    </message>
    <message>
        <source>Stable Diffusion models (*.safetensors model_index.json);;All files (*)</source>
        <translation>Stable Diffusion モデル (*.safetensors model_index.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Drop Image</source>
        <translation>画像のドロップ</translation>
    </message>
    <message>
        <source>E&amp;xtend Canvas…</source>
        <translation>キャンバスを拡張(&amp;X)…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+E</source>
        <translation>Ctrl+Alt+E</translation>
    </message>
    <message>
        <source>Show the batch export&apos;s progress</source>
        <translation>バッチエクスポートの進行状況を表示</translation>
    </message>
    <message>
        <source>Batch Export Running</source>
        <translation>バッチエクスポート実行中</translation>
    </message>
    <message>
        <source>A batch export has not finished. Quit and stop it?

Every image it has written is kept; exporting the same batch into the same folder again continues it.</source>
        <translation>バッチエクスポートが完了していません。終了してエクスポートを停止しますか？

書き出し済みの画像はすべて保持されます。同じバッチを同じフォルダーにもう一度エクスポートすると、続きから再開します。</translation>
    </message>
    <message>
        <source>Cannot extend the canvas: %1</source>
        <translation>キャンバスを拡張できません：%1</translation>
    </message>
    <message>
        <source>Canvas extended to %1 × %2 px; the new area is masked</source>
        <translation>キャンバスを %1 × %2 px に拡張しました（新しい領域はマスク済み）</translation>
    </message>
    <message numerus="yes">
        <source>Batch export finished: %n written</source>
        <translation>
            <numerusform>バッチエクスポート完了：%n 枚書き出し</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Batch export ended: %n written</source>
        <translation>
            <numerusform>バッチエクスポート終了：%n 枚書き出し</numerusform>
        </translation>
    </message>
    <message>
        <source>Batch: %1</source>
        <translation>バッチ：%1</translation>
    </message>
    <message>
        <source>Another batch export is writing into %1: choose another folder, or wait for it to finish.</source>
        <translation>別のバッチエクスポートが %1 に書き出し中です。別のフォルダーを選ぶか、完了するまでお待ちください。</translation>
    </message>
    <message>
        <source>The autosaved session from %1 cannot be restored: %2.%3</source>
        <translation>%1 に自動保存されたセッションを復元できません：%2。%3</translation>
    </message>
    <message>
        <source> It was kept as %1.</source>
        <translation> %1 として保管しました。</translation>
    </message>
    <message>
        <source>Restore Session</source>
        <translation>セッションの復元</translation>
    </message>
    <message>
        <source>Stipple did not close properly. Restore the canvas as it was at %1?</source>
        <translation>Stipple が正しく終了しませんでした。キャンバスを %1 時点の状態に復元しますか？</translation>
    </message>
    <message>
        <source>one undo step</source>
        <translation>元に戻せる操作 1 件</translation>
    </message>
    <message>
        <source>%1 undo steps</source>
        <translation>元に戻せる操作 %1 件</translation>
    </message>
    <message>
        <source>%1, %2 × %3 px, %4</source>
        <translation>%1, %2 × %3 px, %4</translation>
    </message>
    <message>
        <source>Prompt: %1</source>
        <translation>プロンプト：%1</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>復元(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>破棄(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>後で(&amp;L)</translation>
    </message>
    <message>
        <source>Keep the autosaved session and ask again at the next start</source>
        <translation>自動保存されたセッションを残し、次回の起動時にもう一度確認する</translation>
    </message>
    <message>
        <source>The canvas was restored without its undo history: %1.</source>
        <translation>キャンバスを元に戻す履歴なしで復元しました：%1。</translation>
    </message>
    <message>
        <source>Session restored</source>
        <translation>セッションを復元しました</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>環境設定(&amp;F)…</translation>
    </message>
    <message>
        <source>Language, theme and threads change when Stipple starts again.</source>
        <translation>言語、テーマ、スレッド数は Stipple の次回起動時に切り替わります。</translation>
    </message>
    <message>
        <source>Canvas</source>
        <translation>キャンバス</translation>
    </message>
    <message>
        <source>&amp;Prompt Panel</source>
        <translation>プロンプトパネル(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;History Panel</source>
        <translation>履歴パネル(&amp;H)</translation>
    </message>
</context>
<context>
    <name>stipple::ui::MessageBar</name>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>stipple::ui::ModelChooser</name>
    <message>
        <source>No model – Load Model…</source>
        <translation>モデルなし – モデルを読み込む…</translation>
    </message>
    <message>
        <source>Load a model (.safetensors file or diffusers folder)</source>
        <translation>モデルを読み込む（.safetensors ファイルまたは diffusers フォルダー）</translation>
    </message>
    <message>
        <source>%1 (bundled)</source>
        <translation>%1（同梱）</translation>
    </message>
</context>
<context>
    <name>stipple::ui::NewCanvasDialog</name>
    <message>
        <source>New Canvas</source>
        <translation>新規キャンバス</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>カスタム</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>プリセット:</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>幅:</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>高さ:</translation>
    </message>
</context>
<context>
    <name>stipple::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>環境設定</translation>
    </message>
    <message>
        <source>&amp;Engine</source>
        <translation>エンジン(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Folders</source>
        <translation>フォルダー(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Interface</source>
        <translation>インターフェイス(&amp;I)</translation>
    </message>
    <message>
        <source>Language, theme and threads take effect when Stipple starts again.</source>
        <translation>言語、テーマ、スレッド数は Stipple の次回起動時に反映されます。</translation>
    </message>
    <message>
        <source>Automatic (the GPU when there is one)</source>
        <translation>自動（GPU があれば GPU を使用）</translation>
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
        <translation>CUDA GPU（見つかりません）</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>デバイス(&amp;D):</translation>
    </message>
    <message>
        <source>Automatic (fp16 on a GPU, bf16 on CPUs that are fast at it)</source>
        <translation>自動（GPU では fp16、bf16 を高速に処理できる CPU では bf16）</translation>
    </message>
    <message>
        <source>fp32 (exact, slowest)</source>
        <translation>fp32（正確、最も低速）</translation>
    </message>
    <message>
        <source>bf16</source>
        <translation>bf16</translation>
    </message>
    <message>
        <source>fp16 (GPU only)</source>
        <translation>fp16（GPU のみ）</translation>
    </message>
    <message>
        <source>&amp;Precision:</source>
        <translation>精度(&amp;P):</translation>
    </message>
    <message>
        <source>All (%1)</source>
        <translation>すべて（%1）</translation>
    </message>
    <message>
        <source>CPU threads for the engine; 0 uses every CPU this process may run on</source>
        <translation>エンジンが使う CPU スレッド数。0 にすると、このプロセスが実行できるすべての CPU を使います</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>スレッド数(&amp;T):</translation>
    </message>
    <message>
        <source>Approximate (fast)</source>
        <translation>簡易（高速）</translation>
    </message>
    <message>
        <source>Full (decoded by the VAE)</source>
        <translation>完全（VAE でデコード）</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <source>Pre&amp;view:</source>
        <translation>プレビュー(&amp;V):</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> ステップ</translation>
    </message>
    <message>
        <source>A full preview costs about one VAE decode; fewer previews keep sampling fast</source>
        <translation>完全なプレビューには VAE のデコード約 1 回分の時間がかかります。プレビューを減らすとサンプリングが速くなります</translation>
    </message>
    <message>
        <source>Preview &amp;every:</source>
        <translation>プレビュー間隔(&amp;E):</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>フォルダーを選択</translation>
    </message>
    <message>
        <source>Choose a Folder</source>
        <translation>フォルダーを選択</translation>
    </message>
    <message>
        <source>&amp;Images:</source>
        <translation>画像(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Batch exports:</source>
        <translation>バッチエクスポート(&amp;B):</translation>
    </message>
    <message>
        <source>Checkpoints (.safetensors) and diffusers folders in these folders appear in the model list</source>
        <translation>これらのフォルダー内のチェックポイント（.safetensors）と diffusers フォルダーがモデル一覧に表示されます</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>追加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Model folders:</source>
        <translation>モデルフォルダー(&amp;M):</translation>
    </message>
    <message>
        <source>Add a Model Folder</source>
        <translation>モデルフォルダーを追加</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>システムに合わせる</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>テーマ(&amp;H):</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>How often the session is autosaved while it changes (and always after a generation)</source>
        <translation>セッションの変更中に自動保存する間隔（生成の後には必ず自動保存します）</translation>
    </message>
    <message>
        <source>&amp;Autosave every:</source>
        <translation>自動保存の間隔(&amp;A):</translation>
    </message>
    <message>
        <source>fp16 runs on a CUDA GPU only; on the CPU choose bf16, fp32 or Automatic.</source>
        <translation>fp16 は CUDA GPU でのみ動作します。CPU では bf16、fp32、または「自動」を選択してください。</translation>
    </message>
    <message>
        <source>This CPU has no fast bf16 instructions: bf16 will be slower than fp32 here.</source>
        <translation>この CPU には高速な bf16 命令がありません。ここでは bf16 は fp32 より遅くなります。</translation>
    </message>
    <message>
        <source>The engine will run as: %1.</source>
        <translation>エンジンの実行構成：%1。</translation>
    </message>
    <message>
        <source> step</source>
        <translation> ステップ</translation>
    </message>
</context>
<context>
    <name>stipple::ui::PromptEdit</name>
    <message>
        <source>Tokens used / available. Long prompts are split into chunks of 75 tokens.</source>
        <translation>使用トークン数 / 上限。長いプロンプトは 75 トークンずつのチャンクに分割されます。</translation>
    </message>
</context>
<context>
    <name>stipple::ui::PromptPanel</name>
    <message>
        <source>Describe the image: a lighthouse on a cliff at dusk, oil painting</source>
        <translation>画像の内容を記述（例：a lighthouse on a cliff at dusk, oil painting）</translation>
    </message>
    <message>
        <source>What to avoid: blurry, low quality</source>
        <translation>避けたい要素（例：blurry, low quality）</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>モデル(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Prompt</source>
        <translation>プロンプト(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Negative prompt</source>
        <translation>ネガティブプロンプト(&amp;N)</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Image to Image</source>
        <translation>画像から画像</translation>
    </message>
    <message>
        <source>Inpaint</source>
        <translation>インペイント</translation>
    </message>
    <message>
        <source>A new image from the prompt alone</source>
        <translation>プロンプトだけから新しい画像を生成</translation>
    </message>
    <message>
        <source>A new image that starts from the canvas</source>
        <translation>キャンバスを元に新しい画像を生成</translation>
    </message>
    <message>
        <source>Repaint the masked part of the canvas</source>
        <translation>キャンバスのマスク部分を描き直す</translation>
    </message>
    <message>
        <source>Generate (Ctrl+Enter)</source>
        <translation>生成 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Cancel the running job (Esc)</source>
        <translation>実行中のジョブをキャンセル (Esc)</translation>
    </message>
    <message>
        <source>Choose a model first: Model ▸ Load Model… (a .safetensors file or a diffusers folder).</source>
        <translation>先にモデルを選択してください：モデル ▸ モデルを読み込む…（.safetensors ファイルまたは diffusers フォルダー）。</translation>
    </message>
    <message>
        <source>Inpainting needs a mask: paint over the part to repaint, or switch to Image to Image.</source>
        <translation>インペイントにはマスクが必要です。描き直したい部分を塗るか、「画像から画像」に切り替えてください。</translation>
    </message>
    <message numerus="yes">
        <source>%n more queued</source>
        <translation>
            <numerusform>ほか %n 件が順番待ち</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stipple::ui::RecentList</name>
    <message>
        <source>Clear List</source>
        <translation>リストをクリア</translation>
    </message>
</context>
<context>
    <name>stipple::ui::SeedField</name>
    <message>
        <source>Random</source>
        <translation>ランダム</translation>
    </message>
    <message>
        <source>The same seed, prompt and settings give the same image. Empty or -1: a new random seed each time.</source>
        <translation>シード、プロンプト、設定が同じなら同じ画像が生成されます。空欄または -1 の場合は毎回新しいランダムなシードを使います。</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>ランダムシード</translation>
    </message>
    <message>
        <source>Reuse the seed of the last result</source>
        <translation>前回の結果のシードを再利用</translation>
    </message>
    <message>
        <source>Reuse the seed of the last result (%1)</source>
        <translation>前回の結果のシードを再利用 (%1)</translation>
    </message>
</context>
</TS>
