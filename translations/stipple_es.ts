<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>EngineInfo</name>
    <message>
        <source>CPU, 1 thread</source>
        <translation>CPU, 1 hilo</translation>
    </message>
    <message numerus="yes">
        <source>CPU, %n threads</source>
        <translation>
            <numerusform>CPU, %n hilo</numerusform>
            <numerusform>CPU, %n hilos</numerusform>
        </translation>
    </message>
    <message>
        <source>CUDA (1 device)</source>
        <translation>CUDA (1 dispositivo)</translation>
    </message>
    <message numerus="yes">
        <source>CUDA (%n devices)</source>
        <translation>
            <numerusform>CUDA (%n dispositivo)</numerusform>
            <numerusform>CUDA (%n dispositivos)</numerusform>
        </translation>
    </message>
    <message>
        <source>fp32 (no fast bf16)</source>
        <translation>fp32 (sin bf16 rápido)</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Dispositivo: %1</translation>
    </message>
    <message>
        <source>Processor: %1</source>
        <translation>Procesador: %1</translation>
    </message>
    <message>
        <source>BLAS kernels: %1, 1 thread</source>
        <translation>Núcleos BLAS: %1, 1 hilo</translation>
    </message>
    <message numerus="yes">
        <source>BLAS kernels: %1, %n threads</source>
        <translation>
            <numerusform>Núcleos BLAS: %1, %n hilo</numerusform>
            <numerusform>Núcleos BLAS: %1, %n hilos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobQueue</name>
    <message>
        <source>unknown error</source>
        <translation>error desconocido</translation>
    </message>
    <message>
        <source>The model does not fit in GPU memory (%1); it runs on the CPU instead, more slowly.</source>
        <translation>El modelo no cabe en la memoria de la GPU (%1); se ejecuta en la CPU, más despacio.</translation>
    </message>
</context>
<context>
    <name>Outpaint</name>
    <message>
        <source>The canvas can only grow: a margin is negative.</source>
        <translation>El lienzo solo puede crecer: un margen es negativo.</translation>
    </message>
    <message>
        <source>Give at least one side a margin.</source>
        <translation>Indique un margen en al menos un lado.</translation>
    </message>
    <message>
        <source>The seam width cannot be negative.</source>
        <translation>El ancho de la costura no puede ser negativo.</translation>
    </message>
    <message>
        <source>%1 × %2 is larger than %3 pixels on a side.</source>
        <translation>%1 × %2 supera los %3 píxeles por lado.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
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
        <translation>la tabla de imágenes está truncada</translation>
    </message>
    <message>
        <source>image %1 has an unknown format</source>
        <translation>la imagen %1 tiene un formato desconocido</translation>
    </message>
    <message>
        <source>image %1 has an impossible size %2×%3</source>
        <translation>la imagen %1 tiene un tamaño imposible de %2×%3</translation>
    </message>
    <message>
        <source>image %1 is too large</source>
        <translation>la imagen %1 es demasiado grande</translation>
    </message>
    <message>
        <source>image %1 is cut short</source>
        <translation>la imagen %1 está truncada</translation>
    </message>
    <message>
        <source>image %1 does not match its size</source>
        <translation>la imagen %1 no coincide con su tamaño</translation>
    </message>
    <message>
        <source>image %1 does not decompress</source>
        <translation>la imagen %1 no se puede descomprimir</translation>
    </message>
    <message>
        <source>image %1 does not fit in memory</source>
        <translation>la imagen %1 no cabe en la memoria</translation>
    </message>
    <message>
        <source>an image reference is out of range</source>
        <translation>una referencia de imagen está fuera de rango</translation>
    </message>
    <message>
        <source>a canvas origin is unknown</source>
        <translation>el origen de un lienzo es desconocido</translation>
    </message>
    <message>
        <source>a canvas record is cut short</source>
        <translation>un registro de lienzo está truncado</translation>
    </message>
    <message>
        <source>it is not a Stipple session file</source>
        <translation>no es un archivo de sesión de Stipple</translation>
    </message>
    <message numerus="yes">
        <source>it is cut short (%n bytes)</source>
        <translation>
            <numerusform>el archivo está truncado (%n byte)</numerusform>
            <numerusform>el archivo está truncado (%n bytes)</numerusform>
        </translation>
    </message>
    <message>
        <source>it was written by a newer Stipple (format %1)</source>
        <translation>el archivo lo escribió una versión más reciente de Stipple (formato %1)</translation>
    </message>
    <message>
        <source>its format number is damaged</source>
        <translation>el número de formato está dañado</translation>
    </message>
    <message>
        <source>its length does not match its header (the file is cut short or has extra bytes)</source>
        <translation>la longitud no coincide con la cabecera (el archivo está truncado o tiene bytes de más)</translation>
    </message>
    <message>
        <source>its checksum does not match (the file is damaged)</source>
        <translation>la suma de comprobación no coincide (el archivo está dañado)</translation>
    </message>
    <message>
        <source>the session header is cut short</source>
        <translation>la cabecera de la sesión está truncada</translation>
    </message>
    <message>
        <source>the prompt panel record is damaged</source>
        <translation>el registro del panel de prompt está dañado</translation>
    </message>
    <message>
        <source>the undo history is damaged</source>
        <translation>el historial de deshacer está dañado</translation>
    </message>
    <message>
        <source>undo step %1 has an unknown kind</source>
        <translation>el paso de deshacer %1 es de un tipo desconocido</translation>
    </message>
    <message>
        <source>undo step %1 is cut short</source>
        <translation>el paso de deshacer %1 está truncado</translation>
    </message>
    <message>
        <source>the undo position is cut short</source>
        <translation>la posición de deshacer está truncada</translation>
    </message>
    <message>
        <source>there are bytes after the last record</source>
        <translation>hay bytes después del último registro</translation>
    </message>
</context>
<context>
    <name>stipple::ui::Autosaver</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>no se puede crear la carpeta %1</translation>
    </message>
    <message>
        <source>no permission to write in %1</source>
        <translation>no hay permiso para escribir en %1</translation>
    </message>
    <message>
        <source>the session file is held by another process</source>
        <translation>otro proceso tiene bloqueado el archivo de sesión</translation>
    </message>
    <message>
        <source>Autosave failed: %1. The previous autosave is kept.</source>
        <translation>El guardado automático ha fallado: %1. Se conserva el guardado automático anterior.</translation>
    </message>
</context>
<context>
    <name>stipple::ui::BatchExportDialog</name>
    <message>
        <source>Batch Export</source>
        <translation>Exportación por lotes</translation>
    </message>
    <message>
        <source>Prompts</source>
        <translation>Prompts</translation>
    </message>
    <message>
        <source>One prompt per line; lines starting with # are comments.
A CSV file with a header row (prompt, seed, steps, cfg, sampler, …) or JSON Lines sets other fields per row.</source>
        <translation>Un prompt por línea; las líneas que empiezan por # son comentarios.
Un archivo CSV con fila de encabezado (prompt, seed, steps, cfg, sampler, …) o JSON Lines define otros campos por fila.</translation>
    </message>
    <message>
        <source>&amp;Load File…</source>
        <translation>Cargar a&amp;rchivo…</translation>
    </message>
    <message>
        <source>Detect format</source>
        <translation>Detectar formato</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Texto sin formato</translation>
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
        <translation>Imágenes</translation>
    </message>
    <message>
        <source>Incrementing from the seed</source>
        <translation>Incremental a partir de la seed</translation>
    </message>
    <message>
        <source>The same seed for each image</source>
        <translation>La misma seed para cada imagen</translation>
    </message>
    <message>
        <source>Random (recorded in the manifest)</source>
        <translation>Aleatoria (registrada en el manifiesto)</translation>
    </message>
    <message>
        <source>none, or e.g. cfg=5,7,9</source>
        <translation>ninguno, o p. ej. cfg=5,7,9</translation>
    </message>
    <message>
        <source>none, or e.g. steps=20,30</source>
        <translation>ninguno, o p. ej. steps=20,30</translation>
    </message>
    <message>
        <source>Start every image from the canvas (and its mask)</source>
        <translation>Partir del lienzo (y su máscara) en cada imagen</translation>
    </message>
    <message>
        <source>Open or generate a picture first</source>
        <translation>Primero abre o genera una imagen</translation>
    </message>
    <message>
        <source>Images per &amp;prompt:</source>
        <translation>Imágenes por &amp;prompt:</translation>
    </message>
    <message>
        <source>&amp;Seeds:</source>
        <translation>&amp;Seeds:</translation>
    </message>
    <message>
        <source>Sweep &amp;X:</source>
        <translation>Barrido &amp;X:</translation>
    </message>
    <message>
        <source>Sweep &amp;Y:</source>
        <translation>Barrido &amp;Y:</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Exa&amp;minar…</translation>
    </message>
    <message>
        <source>Placeholders: %1</source>
        <translation>Marcadores: %1</translation>
    </message>
    <message>
        <source>PNG (parameters in a text chunk)</source>
        <translation>PNG (parámetros en un bloque de texto)</translation>
    </message>
    <message>
        <source>JPEG (parameters in EXIF)</source>
        <translation>JPEG (parámetros en EXIF)</translation>
    </message>
    <message>
        <source>WebP (parameters in EXIF)</source>
        <translation>WebP (parámetros en EXIF)</translation>
    </message>
    <message>
        <source>quality </source>
        <translation>calidad </translation>
    </message>
    <message>
        <source>Write the new image under another name</source>
        <translation>Guardar la imagen nueva con otro nombre</translation>
    </message>
    <message>
        <source>Skip the image</source>
        <translation>Omitir la imagen</translation>
    </message>
    <message>
        <source>Contact sheet of all images (with the sweep&apos;s labels)</source>
        <translation>Hoja de contactos de todas las imágenes (con las etiquetas del barrido)</translation>
    </message>
    <message>
        <source>Add to the other batch in this folder</source>
        <translation>Añadir al otro lote de esta carpeta</translation>
    </message>
    <message>
        <source>Let my own generations go first, between batch images</source>
        <translation>Dar prioridad a mis propias generaciones, entre las imágenes del lote</translation>
    </message>
    <message>
        <source>Finish the batch before my own generations</source>
        <translation>Terminar el lote antes que mis propias generaciones</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Carpeta:</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>File &amp;names:</source>
        <translation>&amp;Nombres de archivo:</translation>
    </message>
    <message>
        <source>If a file exis&amp;ts:</source>
        <translation>Si el archivo ya exis&amp;te:</translation>
    </message>
    <message>
        <source>&amp;While it runs:</source>
        <translation>&amp;Durante la ejecución:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <source>Image to image from the canvas, strength %1</source>
        <translation>Imagen a imagen desde el lienzo, intensidad %1</translation>
    </message>
    <message>
        <source>Inpainting: the canvas&apos;s masked part is regenerated</source>
        <translation>Inpainting: se regenera la parte enmascarada del lienzo</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>Load Prompt List</source>
        <translation>Cargar lista de prompts</translation>
    </message>
    <message>
        <source>Prompt lists (*.txt *.csv *.jsonl *.ndjson);;All files (*)</source>
        <translation>Listas de prompts (*.txt *.csv *.jsonl *.ndjson);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Export Into Folder</source>
        <translation>Exportar a una carpeta</translation>
    </message>
    <message>
        <source>Sweep %1: %2</source>
        <translation>Barrido %1: %2</translation>
    </message>
    <message>
        <source>Sweep Y needs a sweep X</source>
        <translation>El barrido Y requiere un barrido X</translation>
    </message>
    <message>
        <source>Choose a folder for the images</source>
        <translation>Elige una carpeta para las imágenes</translation>
    </message>
    <message>
        <source>Type the prompts, one per line, or load a prompt list</source>
        <translation>Escribe los prompts, uno por línea, o carga una lista de prompts</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Línea %1: %2</translation>
    </message>
    <message>
        <source>e.g. %1%2</source>
        <translation>p. ej. %1%2</translation>
    </message>
    <message numerus="yes">
        <source>This folder holds another batch (%n images). Choose another folder, or add to that batch.</source>
        <translation>
            <numerusform>Esta carpeta contiene otro lote (%n imagen). Elige otra carpeta o añade las imágenes a ese lote.</numerusform>
            <numerusform>Esta carpeta contiene otro lote (%n imágenes). Elige otra carpeta o añade las imágenes a ese lote.</numerusform>
        </translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>1 imagen</translation>
    </message>
    <message numerus="yes">
        <source>%n images</source>
        <translation>
            <numerusform>%n imagen</numerusform>
            <numerusform>%n imágenes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n already in the folder</source>
        <translation>
            <numerusform>, %n ya en la carpeta</numerusform>
            <numerusform>, %n ya en la carpeta</numerusform>
        </translation>
    </message>
    <message>
        <source> · about %1</source>
        <translation> · aprox. %1</translation>
    </message>
    <message>
        <source> · the time is estimated after the first image</source>
        <translation> · el tiempo se estima tras la primera imagen</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… y %n más</numerusform>
            <numerusform>… y %n más</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stipple::ui::BatchProgressWindow</name>
    <message>
        <source>Batch Export – %1</source>
        <translation>Exportación por lotes – %1</translation>
    </message>
    <message>
        <source>Waiting…</source>
        <translation>En espera…</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>%v of %m images</source>
        <translation>%v de %m imágenes</translation>
    </message>
    <message>
        <source>step %v of %m</source>
        <translation>paso %v de %m</translation>
    </message>
    <message>
        <source>Into %1</source>
        <translation>En %1</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausar</translation>
    </message>
    <message>
        <source>Stop after the image being made; resume any time</source>
        <translation>Detener tras la imagen en curso; se puede reanudar en cualquier momento</translation>
    </message>
    <message>
        <source>&amp;Cancel Batch</source>
        <translation>&amp;Cancelar lote</translation>
    </message>
    <message>
        <source>&amp;Open Folder</source>
        <translation>&amp;Abrir carpeta</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>Image %1 of %2</source>
        <translation>Imagen %1 de %2</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>%1 de %2 terminadas</translation>
    </message>
    <message>
        <source>preparing…</source>
        <translation>preparando…</translation>
    </message>
    <message>
        <source>Elapsed %1</source>
        <translation>Transcurrido: %1</translation>
    </message>
    <message>
        <source> · about %1 left</source>
        <translation> · quedan aprox. %1</translation>
    </message>
    <message numerus="yes">
        <source>%n written</source>
        <translation>
            <numerusform>%n guardada</numerusform>
            <numerusform>%n guardadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already there</source>
        <translation>
            <numerusform>%n ya existía</numerusform>
            <numerusform>%n ya existían</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped (file exists)</source>
        <translation>
            <numerusform>%n omitida (el archivo existe)</numerusform>
            <numerusform>%n omitidas (el archivo existe)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fallida</numerusform>
            <numerusform>%n fallidas</numerusform>
        </translation>
    </message>
    <message>
        <source>Image %1: %2</source>
        <translation>Imagen %1: %2</translation>
    </message>
    <message>
        <source>Batch failed</source>
        <translation>Error en el lote</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Every finished image is kept; export the same batch into this folder again to continue.</source>
        <translation>Se conservan todas las imágenes terminadas; exporta de nuevo el mismo lote a esta carpeta para continuar.</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Detenido</translation>
    </message>
    <message>
        <source>%1. Every finished image is kept.</source>
        <translation>%1. Se conservan todas las imágenes terminadas.</translation>
    </message>
    <message>
        <source>Done, 1 image failed</source>
        <translation>Terminado; falló 1 imagen</translation>
    </message>
    <message numerus="yes">
        <source>Done, %n images failed</source>
        <translation>
            <numerusform>Terminado; falló %n imagen</numerusform>
            <numerusform>Terminado; fallaron %n imágenes</numerusform>
        </translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <source>Contact sheet: %1</source>
        <translation>Hoja de contactos: %1</translation>
    </message>
    <message>
        <source>1 image written in %1</source>
        <translation>1 imagen guardada en %1</translation>
    </message>
    <message numerus="yes">
        <source>%n images written in %1</source>
        <translation>
            <numerusform>%n imagen guardada en %1</numerusform>
            <numerusform>%n imágenes guardadas en %1</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1 images/min)</source>
        <translation> (%1 imágenes/min)</translation>
    </message>
    <message numerus="yes">
        <source>%n were already there</source>
        <translation>
            <numerusform>%n ya existía</numerusform>
            <numerusform>%n ya existían</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed images:</source>
        <translation>Imágenes fallidas:</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reanudar</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>%1 of %2 done. Resume to continue where it stopped.</source>
        <translation>%1 de %2 terminadas. Reanuda para continuar donde se detuvo.</translation>
    </message>
    <message>
        <source>Pausing after this image…</source>
        <translation>Pausando tras esta imagen…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>stipple::ui::BrushToolBar</name>
    <message>
        <source>Tool Options</source>
        <translation>Opciones de herramienta</translation>
    </message>
    <message>
        <source>Mask Brush</source>
        <translation>Pincel de máscara</translation>
    </message>
    <message>
        <source>Mask brush: paint where the image should change (B)</source>
        <translation>Pincel de máscara: pinta donde deba cambiar la imagen (B)</translation>
    </message>
    <message>
        <source>Mask Eraser</source>
        <translation>Borrador de máscara</translation>
    </message>
    <message>
        <source>Mask eraser (E toggles)</source>
        <translation>Borrador de máscara (E alterna)</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Tamaño:</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Brush diameter in image pixels ([ and ] change it)</source>
        <translation>Diámetro del pincel en píxeles de la imagen ([ y ] lo cambian)</translation>
    </message>
    <message>
        <source>Hardness:</source>
        <translation>Dureza:</translation>
    </message>
    <message>
        <source>Soft (left) to hard (right) brush edge</source>
        <translation>Borde del pincel de suave (izquierda) a duro (derecha)</translation>
    </message>
    <message>
        <source>Mask opacity:</source>
        <translation>Opacidad de la máscara:</translation>
    </message>
    <message>
        <source>How strongly the mask tints the canvas</source>
        <translation>Cuánto tiñe la máscara el lienzo</translation>
    </message>
</context>
<context>
    <name>stipple::ui::CanvasDocument</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>No se puede abrir %1: %2</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generar</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>No se puede guardar %1: %2</translation>
    </message>
    <message>
        <source>unsupported file type</source>
        <translation>tipo de archivo no compatible</translation>
    </message>
    <message>
        <source>Erase Mask</source>
        <translation>Borrar máscara</translation>
    </message>
    <message>
        <source>Paint Mask</source>
        <translation>Pintar máscara</translation>
    </message>
    <message>
        <source>Clear Mask</source>
        <translation>Limpiar máscara</translation>
    </message>
    <message>
        <source>Fill Mask</source>
        <translation>Rellenar máscara</translation>
    </message>
    <message>
        <source>Invert Mask</source>
        <translation>Invertir máscara</translation>
    </message>
    <message>
        <source>Extend Canvas</source>
        <translation>Ampliar lienzo</translation>
    </message>
    <message>
        <source>the saved canvas is incomplete</source>
        <translation>el lienzo guardado está incompleto</translation>
    </message>
    <message>
        <source>undo step %1 is incomplete</source>
        <translation>el paso de deshacer %1 está incompleto</translation>
    </message>
    <message>
        <source>the undo position is out of range</source>
        <translation>la posición de deshacer está fuera de rango</translation>
    </message>
    <message>
        <source>the undo history does not lead to the saved canvas</source>
        <translation>el historial de deshacer no conduce al lienzo guardado</translation>
    </message>
</context>
<context>
    <name>stipple::ui::ExtendCanvasDialog</name>
    <message>
        <source>Extend Canvas</source>
        <translation>Ampliar lienzo</translation>
    </message>
    <message>
        <source>Add to each side</source>
        <translation>Añadir a cada lado</translation>
    </message>
    <message>
        <source>Presets…</source>
        <translation>Preajustes…</translation>
    </message>
    <message>
        <source>Wider: 128 px left and right</source>
        <translation>Más ancho: 128 px a izquierda y derecha</translation>
    </message>
    <message>
        <source>Taller: 128 px top and bottom</source>
        <translation>Más alto: 128 px arriba y abajo</translation>
    </message>
    <message>
        <source>All around: 64 px</source>
        <translation>Por todos los lados: 64 px</translation>
    </message>
    <message>
        <source>To the right: 256 px</source>
        <translation>Hacia la derecha: 256 px</translation>
    </message>
    <message>
        <source>Square (centred)</source>
        <translation>Cuadrado (centrado)</translation>
    </message>
    <message>
        <source>&amp;Top:</source>
        <translation>Arri&amp;ba:</translation>
    </message>
    <message>
        <source>&amp;Left:</source>
        <translation>&amp;Izquierda:</translation>
    </message>
    <message>
        <source>&amp;Right:</source>
        <translation>&amp;Derecha:</translation>
    </message>
    <message>
        <source>&amp;Bottom:</source>
        <translation>Aba&amp;jo:</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>How far into the picture the seam is repainted, fading out</source>
        <translation>Hasta dónde se repinta la costura dentro de la imagen, con difuminado</translation>
    </message>
    <message>
        <source>&amp;Generate the new area now (with the prompt panel&apos;s settings)</source>
        <translation>&amp;Generar ahora el área nueva (con los ajustes del panel de prompt)</translation>
    </message>
    <message>
        <source>&amp;Seam:</source>
        <translation>&amp;Costura:</translation>
    </message>
    <message>
        <source>&amp;Extend</source>
        <translation>&amp;Ampliar</translation>
    </message>
    <message>
        <source>%1 × %2 px  →  %3 × %4 px</source>
        <translation>%1 × %2 px  →  %3 × %4 px</translation>
    </message>
    <message>
        <source>  (rounded up to multiples of 8)</source>
        <translation>  (redondeado al múltiplo de 8 superior)</translation>
    </message>
</context>
<context>
    <name>stipple::ui::GenerationController</name>
    <message numerus="yes">
        <source>Generating… (%n more queued)</source>
        <translation>
            <numerusform>Generando… (%n más en cola)</numerusform>
            <numerusform>Generando… (%n más en cola)</numerusform>
        </translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>Generando…</translation>
    </message>
    <message>
        <source>Model %1 loaded</source>
        <translation>Modelo %1 cargado</translation>
    </message>
    <message>
        <source>Loading model %1…</source>
        <translation>Cargando el modelo %1…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Cannot load the model</source>
        <translation>No se puede cargar el modelo</translation>
    </message>
    <message>
        <source>Generation failed</source>
        <translation>Error en la generación</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>The result could not be kept in the history: %1</source>
        <translation>No se pudo guardar el resultado en el historial: %1</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generar</translation>
    </message>
    <message>
        <source>Done in %1 s (%2 s/it)</source>
        <translation>Terminado en %1 s (%2 s/it)</translation>
    </message>
</context>
<context>
    <name>stipple::ui::GenerationSettings</name>
    <message>
        <source>Default</source>
        <translation>Predeterminado</translation>
    </message>
    <message>
        <source>Karras</source>
        <translation>Karras</translation>
    </message>
    <message>
        <source>Exponential</source>
        <translation>Exponencial</translation>
    </message>
    <message>
        <source>Uniform</source>
        <translation>Uniforme</translation>
    </message>
    <message>
        <source>Classifier-free guidance: how closely the image follows the prompt</source>
        <translation>Classifier-free guidance: cuánto se ciñe la imagen al prompt</translation>
    </message>
    <message>
        <source>Images generated one after another, with seeds counting up</source>
        <translation>Imágenes generadas una tras otra, con seeds crecientes</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>Muestreo</translation>
    </message>
    <message>
        <source>Sampler:</source>
        <translation>Sampler:</translation>
    </message>
    <message>
        <source>Schedule:</source>
        <translation>Planificador:</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>Pasos:</translation>
    </message>
    <message>
        <source>CFG scale:</source>
        <translation>Escala CFG:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Tamaño:</translation>
    </message>
    <message>
        <source>Batch count:</source>
        <translation>Número de lotes:</translation>
    </message>
    <message>
        <source>How much of the image is repainted: 0 keeps it, 1 ignores it</source>
        <translation>Cuánto de la imagen se repinta: 0 la conserva, 1 la ignora</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Whole picture</source>
        <translation>Imagen completa</translation>
    </message>
    <message>
        <source>Only masked</source>
        <translation>Solo lo enmascarado</translation>
    </message>
    <message>
        <source>Only masked: renders the masked area at the full output size, for detail</source>
        <translation>Solo lo enmascarado: renderiza el área enmascarada al tamaño de salida completo, para más detalle</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Rellenar</translation>
    </message>
    <message>
        <source>Latent noise</source>
        <translation>Ruido latente</translation>
    </message>
    <message>
        <source>Latent nothing</source>
        <translation>Latente vacío</translation>
    </message>
    <message>
        <source>What the masked area starts from</source>
        <translation>De qué parte el área enmascarada</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Intensidad:</translation>
    </message>
    <message>
        <source>Mask blur:</source>
        <translation>Desenfoque de máscara:</translation>
    </message>
    <message>
        <source>Inpaint area:</source>
        <translation>Área de inpainting:</translation>
    </message>
    <message>
        <source>Padding:</source>
        <translation>Margen:</translation>
    </message>
    <message>
        <source>Masked content:</source>
        <translation>Contenido enmascarado:</translation>
    </message>
    <message>
        <source>Width in pixels (a multiple of 8)</source>
        <translation>Anchura en píxeles (múltiplo de 8)</translation>
    </message>
    <message>
        <source>Height in pixels (a multiple of 8)</source>
        <translation>Altura en píxeles (múltiplo de 8)</translation>
    </message>
    <message>
        <source>Swap width and height</source>
        <translation>Intercambiar anchura y altura</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Preajustes</translation>
    </message>
    <message>
        <source>Canvas size</source>
        <translation>Tamaño del lienzo</translation>
    </message>
    <message>
        <source>Works at the canvas size, %1 × %2.</source>
        <translation>Trabaja al tamaño del lienzo, %1 × %2.</translation>
    </message>
    <message>
        <source>Rendered at %1 × %2.</source>
        <translation>Se renderiza a %1 × %2.</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Anchura</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Altura</translation>
    </message>
    <message>
        <source>%1 must be a multiple of 8 (it is %2; %3 or %4 would work).</source>
        <translation>%1 debe ser múltiplo de 8 (es %2; %3 o %4 servirían).</translation>
    </message>
    <message>
        <source>The canvas (%1 × %2) is larger than 4096 pixels; use “Only masked” inpainting or a smaller image.</source>
        <translation>El lienzo (%1 × %2) supera los 4096 píxeles; usa el inpainting «Solo lo enmascarado» o una imagen más pequeña.</translation>
    </message>
    <message>
        <source>The seed must be a whole number from 0 to 18446744073709551615, or -1 for random.</source>
        <translation>La seed debe ser un número entero de 0 a 18446744073709551615, o -1 para una aleatoria.</translation>
    </message>
</context>
<context>
    <name>stipple::ui::HistoryPanel</name>
    <message>
        <source>Generated images appear here and stay after a restart.</source>
        <translation>Las imágenes generadas aparecen aquí y se conservan tras reiniciar.</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Usar</translation>
    </message>
    <message>
        <source>Put this image on the canvas (double-click)</source>
        <translation>Poner esta imagen en el lienzo (doble clic)</translation>
    </message>
    <message>
        <source>Reuse</source>
        <translation>Reutilizar</translation>
    </message>
    <message>
        <source>Reuse its prompt and settings</source>
        <translation>Reutilizar su prompt y sus ajustes</translation>
    </message>
    <message>
        <source>Export a copy…</source>
        <translation>Exportar una copia…</translation>
    </message>
    <message>
        <source>Delete from the history</source>
        <translation>Eliminar del historial</translation>
    </message>
    <message>
        <source>Put on Canvas</source>
        <translation>Poner en el lienzo</translation>
    </message>
    <message>
        <source>Reuse Parameters</source>
        <translation>Reutilizar parámetros</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>The image of this entry is missing: %1</source>
        <translation>Falta la imagen de esta entrada: %1</translation>
    </message>
    <message>
        <source>Export Image</source>
        <translation>Exportar imagen</translation>
    </message>
    <message>
        <source>PNG image (*.png);;JPEG image (*.jpg *.jpeg);;WebP image (*.webp)</source>
        <translation>Imagen PNG (*.png);;Imagen JPEG (*.jpg *.jpeg);;Imagen WebP (*.webp)</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Se ha exportado %1</translation>
    </message>
    <message>
        <source>Delete from History</source>
        <translation>Eliminar del historial</translation>
    </message>
    <message>
        <source>Delete this image from the history? The file is removed from disk.</source>
        <translation>¿Eliminar esta imagen del historial? El archivo se borrará del disco.</translation>
    </message>
    <message>
        <source>Export %1 Images…</source>
        <translation>Exportar %1 imágenes…</translation>
    </message>
    <message>
        <source>Delete %1 Images</source>
        <translation>Eliminar %1 imágenes</translation>
    </message>
    <message>
        <source>Export %1 Images Into</source>
        <translation>Exportar %1 imágenes a</translation>
    </message>
    <message>
        <source>Exported %1 images into %2</source>
        <translation>Se han exportado %1 imágenes a %2</translation>
    </message>
    <message>
        <source>Exported %1 of %2 images: %3</source>
        <translation>Se han exportado %1 de %2 imágenes: %3</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>no se puede crear la carpeta %1</translation>
    </message>
    <message>
        <source>the image of %1 is missing</source>
        <translation>falta la imagen de %1</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>no se puede escribir %1</translation>
    </message>
    <message>
        <source>Delete these %1 images from the history? The files are removed from disk.</source>
        <translation>¿Eliminar estas %1 imágenes del historial? Los archivos se borrarán del disco.</translation>
    </message>
</context>
<context>
    <name>stipple::ui::JobProgress</name>
    <message>
        <source>Step %v/%m</source>
        <translation>Paso %v/%m</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
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
        <translation>%1 · quedan %2</translation>
    </message>
</context>
<context>
    <name>stipple::ui::MainWindow</name>
    <message>
        <source>Open an image or type a prompt to begin.</source>
        <translation>Abre una imagen o escribe un prompt para empezar.</translation>
    </message>
    <message>
        <source>Compute device used for generation</source>
        <translation>Dispositivo de cálculo usado para la generación</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nuevo…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Guardar &amp;como…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Batch Export…</source>
        <translation>Exportación por &amp;lotes…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Pegar</translation>
    </message>
    <message>
        <source>C&amp;lear Mask</source>
        <translation>&amp;Limpiar máscara</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>&amp;Invert Mask</source>
        <translation>&amp;Invertir máscara</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Acercar</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>A&amp;lejar</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>A&amp;justar a la ventana</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Tamaño real</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Show &amp;Mask</source>
        <translation>Mostrar &amp;máscara</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modelo</translation>
    </message>
    <message>
        <source>&amp;Load Model…</source>
        <translation>&amp;Cargar modelo…</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Recent Models</source>
        <translation>Modelos &amp;recientes</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About Stipple</source>
        <translation>&amp;Acerca de Stipple</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Stipple&lt;/h3&gt;&lt;p&gt;Image generation and inpainting with latent diffusion models.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Stipple&lt;/h3&gt;&lt;p&gt;Generación de imágenes e inpainting con modelos de difusión latente.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Stipple</source>
        <translation>Acerca de Stipple</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Deshacer: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Rehacer: %1</translation>
    </message>
    <message>
        <source>&amp;Fill Mask</source>
        <translation>Rellenar &amp;máscara</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generar</translation>
    </message>
    <message>
        <source>Cancel Generation</source>
        <translation>Cancelar la generación</translation>
    </message>
    <message>
        <source>Zoom (Ctrl+0 fits, Ctrl+1 shows actual size)</source>
        <translation>Zoom (Ctrl+0 ajusta, Ctrl+1 muestra el tamaño real)</translation>
    </message>
    <message>
        <source>Canvas size</source>
        <translation>Tamaño del lienzo</translation>
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
        <translation>Usar imagen del historial</translation>
    </message>
    <message>
        <source>the history</source>
        <translation>una imagen del historial</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sin título</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>The canvas has changes that are not saved. Save them first?</source>
        <translation>El lienzo tiene cambios sin guardar. ¿Guardarlos antes?</translation>
    </message>
    <message>
        <source>Prompt and settings taken from %1</source>
        <translation>Prompt y ajustes tomados de %1</translation>
    </message>
    <message>
        <source>Open Image</source>
        <translation>Abrir imagen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg *.webp *.bmp)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Se ha guardado %1</translation>
    </message>
    <message>
        <source>Save Image</source>
        <translation>Guardar imagen</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Imagen PNG (*.png)</translation>
    </message>
    <message>
        <source>Export Image</source>
        <translation>Exportar imagen</translation>
    </message>
    <message>
        <source>JPEG image (*.jpg *.jpeg);;PNG image (*.png);;WebP image (*.webp);;BMP image (*.bmp)</source>
        <translation>Imagen JPEG (*.jpg *.jpeg);;Imagen PNG (*.png);;Imagen WebP (*.webp);;Imagen BMP (*.bmp)</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Se ha exportado %1</translation>
    </message>
    <message>
        <source>Canvas copied</source>
        <translation>Lienzo copiado</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Pegar</translation>
    </message>
    <message>
        <source>The clipboard holds no image</source>
        <translation>El portapapeles no contiene ninguna imagen</translation>
    </message>
    <message>
        <source>Load Model</source>
        <translation>Cargar modelo</translation>
    </message>
    <message>
        <source>Stable Diffusion models (*.safetensors model_index.json);;All files (*)</source>
        <translation>Modelos de Stable Diffusion (*.safetensors model_index.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Drop Image</source>
        <translation>Soltar imagen</translation>
    </message>
    <message>
        <source>E&amp;xtend Canvas…</source>
        <translation>&amp;Ampliar lienzo…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+E</source>
        <translation>Ctrl+Alt+E</translation>
    </message>
    <message>
        <source>Show the batch export&apos;s progress</source>
        <translation>Mostrar el progreso de la exportación por lotes</translation>
    </message>
    <message>
        <source>Batch Export Running</source>
        <translation>Exportación por lotes en curso</translation>
    </message>
    <message>
        <source>A batch export has not finished. Quit and stop it?

Every image it has written is kept; exporting the same batch into the same folder again continues it.</source>
        <translation>Una exportación por lotes no ha terminado. ¿Salir y detenerla?

Se conservan todas las imágenes que ya ha guardado; exportar de nuevo el mismo lote a la misma carpeta la reanuda.</translation>
    </message>
    <message>
        <source>Cannot extend the canvas: %1</source>
        <translation>No se puede ampliar el lienzo: %1</translation>
    </message>
    <message>
        <source>Canvas extended to %1 × %2 px; the new area is masked</source>
        <translation>Lienzo ampliado a %1 × %2 px; el área nueva está enmascarada</translation>
    </message>
    <message numerus="yes">
        <source>Batch export finished: %n written</source>
        <translation>
            <numerusform>Exportación por lotes terminada: %n imagen guardada</numerusform>
            <numerusform>Exportación por lotes terminada: %n imágenes guardadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Batch export ended: %n written</source>
        <translation>
            <numerusform>Exportación por lotes finalizada: %n imagen guardada</numerusform>
            <numerusform>Exportación por lotes finalizada: %n imágenes guardadas</numerusform>
        </translation>
    </message>
    <message>
        <source>Batch: %1</source>
        <translation>Lote: %1</translation>
    </message>
    <message>
        <source>Another batch export is writing into %1: choose another folder, or wait for it to finish.</source>
        <translation>Otra exportación por lotes está escribiendo en %1: elige otra carpeta o espera a que termine.</translation>
    </message>
    <message>
        <source>The autosaved session from %1 cannot be restored: %2.%3</source>
        <translation>La sesión guardada automáticamente el %1 no se puede restaurar: %2.%3</translation>
    </message>
    <message>
        <source> It was kept as %1.</source>
        <translation> Se ha conservado como %1.</translation>
    </message>
    <message>
        <source>Restore Session</source>
        <translation>Restaurar sesión</translation>
    </message>
    <message>
        <source>Stipple did not close properly. Restore the canvas as it was at %1?</source>
        <translation>Stipple no se cerró correctamente. ¿Restaurar el lienzo tal como estaba el %1?</translation>
    </message>
    <message>
        <source>one undo step</source>
        <translation>un paso de deshacer</translation>
    </message>
    <message>
        <source>%1 undo steps</source>
        <translation>%1 pasos de deshacer</translation>
    </message>
    <message>
        <source>%1, %2 × %3 px, %4</source>
        <translation>%1, %2 × %3 px, %4</translation>
    </message>
    <message>
        <source>Prompt: %1</source>
        <translation>Prompt: %1</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurar</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Descartar</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>Más &amp;tarde</translation>
    </message>
    <message>
        <source>Keep the autosaved session and ask again at the next start</source>
        <translation>Conservar la sesión guardada automáticamente y volver a preguntar en el próximo inicio</translation>
    </message>
    <message>
        <source>The canvas was restored without its undo history: %1.</source>
        <translation>El lienzo se restauró sin su historial de deshacer: %1.</translation>
    </message>
    <message>
        <source>Session restored</source>
        <translation>Sesión restaurada</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>Pre&amp;ferencias…</translation>
    </message>
    <message>
        <source>Language, theme and threads change when Stipple starts again.</source>
        <translation>El idioma, el tema y los hilos cambian cuando Stipple se vuelve a iniciar.</translation>
    </message>
    <message>
        <source>Canvas</source>
        <translation>Lienzo</translation>
    </message>
    <message>
        <source>&amp;Prompt Panel</source>
        <translation>Panel de &amp;prompt</translation>
    </message>
    <message>
        <source>&amp;History Panel</source>
        <translation>Panel de &amp;historial</translation>
    </message>
</context>
<context>
    <name>stipple::ui::MessageBar</name>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>stipple::ui::ModelChooser</name>
    <message>
        <source>No model – Load Model…</source>
        <translation>Sin modelo – Cargar modelo…</translation>
    </message>
    <message>
        <source>Load a model (.safetensors file or diffusers folder)</source>
        <translation>Cargar un modelo (archivo .safetensors o carpeta de diffusers)</translation>
    </message>
    <message>
        <source>%1 (bundled)</source>
        <translation>%1 (incluido)</translation>
    </message>
</context>
<context>
    <name>stipple::ui::NewCanvasDialog</name>
    <message>
        <source>New Canvas</source>
        <translation>Lienzo nuevo</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personalizado</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Preajuste:</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>Anchura:</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>Altura:</translation>
    </message>
</context>
<context>
    <name>stipple::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>&amp;Engine</source>
        <translation>&amp;Motor</translation>
    </message>
    <message>
        <source>&amp;Folders</source>
        <translation>&amp;Carpetas</translation>
    </message>
    <message>
        <source>&amp;Interface</source>
        <translation>Inter&amp;faz</translation>
    </message>
    <message>
        <source>Language, theme and threads take effect when Stipple starts again.</source>
        <translation>El idioma, el tema y los hilos se aplican cuando Stipple se vuelve a iniciar.</translation>
    </message>
    <message>
        <source>Automatic (the GPU when there is one)</source>
        <translation>Automático (la GPU si hay una)</translation>
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
        <translation>CUDA GPU (no se encontró ninguna)</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Dispositivo:</translation>
    </message>
    <message>
        <source>Automatic (fp16 on a GPU, bf16 on CPUs that are fast at it)</source>
        <translation>Automática (fp16 en una GPU, bf16 en las CPU que lo procesan rápido)</translation>
    </message>
    <message>
        <source>fp32 (exact, slowest)</source>
        <translation>fp32 (exacta, la más lenta)</translation>
    </message>
    <message>
        <source>bf16</source>
        <translation>bf16</translation>
    </message>
    <message>
        <source>fp16 (GPU only)</source>
        <translation>fp16 (solo GPU)</translation>
    </message>
    <message>
        <source>&amp;Precision:</source>
        <translation>&amp;Precisión:</translation>
    </message>
    <message>
        <source>All (%1)</source>
        <translation>Todos (%1)</translation>
    </message>
    <message>
        <source>CPU threads for the engine; 0 uses every CPU this process may run on</source>
        <translation>Hilos de CPU para el motor; 0 usa todas las CPU en las que puede ejecutarse este proceso</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>&amp;Hilos:</translation>
    </message>
    <message>
        <source>Approximate (fast)</source>
        <translation>Aproximada (rápida)</translation>
    </message>
    <message>
        <source>Full (decoded by the VAE)</source>
        <translation>Completa (decodificada por el VAE)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivada</translation>
    </message>
    <message>
        <source>Pre&amp;view:</source>
        <translation>&amp;Vista previa:</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> pasos</translation>
    </message>
    <message>
        <source>A full preview costs about one VAE decode; fewer previews keep sampling fast</source>
        <translation>Una vista previa completa cuesta aproximadamente una decodificación del VAE; menos vistas previas mantienen rápido el muestreo</translation>
    </message>
    <message>
        <source>Preview &amp;every:</source>
        <translation>Vista previa c&amp;ada:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Elige una carpeta</translation>
    </message>
    <message>
        <source>Choose a Folder</source>
        <translation>Elegir carpeta</translation>
    </message>
    <message>
        <source>&amp;Images:</source>
        <translation>&amp;Imágenes:</translation>
    </message>
    <message>
        <source>&amp;Batch exports:</source>
        <translation>Exportaciones por &amp;lotes:</translation>
    </message>
    <message>
        <source>Checkpoints (.safetensors) and diffusers folders in these folders appear in the model list</source>
        <translation>Los checkpoints (.safetensors) y las carpetas de diffusers que haya en estas carpetas aparecen en la lista de modelos</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Añadir…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>&amp;Model folders:</source>
        <translation>Carpetas de m&amp;odelos:</translation>
    </message>
    <message>
        <source>Add a Model Folder</source>
        <translation>Añadir carpeta de modelos</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Según el sistema</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>&amp;Tema:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How often the session is autosaved while it changes (and always after a generation)</source>
        <translation>Con qué frecuencia se guarda automáticamente la sesión mientras cambia (y siempre después de una generación)</translation>
    </message>
    <message>
        <source>&amp;Autosave every:</source>
        <translation>&amp;Guardado automático cada:</translation>
    </message>
    <message>
        <source>fp16 runs on a CUDA GPU only; on the CPU choose bf16, fp32 or Automatic.</source>
        <translation>fp16 solo funciona en una GPU CUDA; en la CPU elige bf16, fp32 o «Automática».</translation>
    </message>
    <message>
        <source>This CPU has no fast bf16 instructions: bf16 will be slower than fp32 here.</source>
        <translation>Esta CPU no tiene instrucciones bf16 rápidas: aquí bf16 será más lento que fp32.</translation>
    </message>
    <message>
        <source>The engine will run as: %1.</source>
        <translation>El motor funcionará con: %1.</translation>
    </message>
    <message>
        <source> step</source>
        <translation> paso</translation>
    </message>
</context>
<context>
    <name>stipple::ui::PromptEdit</name>
    <message>
        <source>Tokens used / available. Long prompts are split into chunks of 75 tokens.</source>
        <translation>Tokens usados / disponibles. Los prompts largos se dividen en fragmentos de 75 tokens.</translation>
    </message>
</context>
<context>
    <name>stipple::ui::PromptPanel</name>
    <message>
        <source>Describe the image: a lighthouse on a cliff at dusk, oil painting</source>
        <translation>Describe la imagen: un faro sobre un acantilado al atardecer, pintura al óleo</translation>
    </message>
    <message>
        <source>What to avoid: blurry, low quality</source>
        <translation>Qué evitar: borroso, baja calidad</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modelo</translation>
    </message>
    <message>
        <source>&amp;Prompt</source>
        <translation>&amp;Prompt</translation>
    </message>
    <message>
        <source>&amp;Negative prompt</source>
        <translation>Prompt &amp;negativo</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generar</translation>
    </message>
    <message>
        <source>Image to Image</source>
        <translation>Imagen a imagen</translation>
    </message>
    <message>
        <source>Inpaint</source>
        <translation>Inpainting</translation>
    </message>
    <message>
        <source>A new image from the prompt alone</source>
        <translation>Una imagen nueva solo a partir del prompt</translation>
    </message>
    <message>
        <source>A new image that starts from the canvas</source>
        <translation>Una imagen nueva que parte del lienzo</translation>
    </message>
    <message>
        <source>Repaint the masked part of the canvas</source>
        <translation>Repintar la parte enmascarada del lienzo</translation>
    </message>
    <message>
        <source>Generate (Ctrl+Enter)</source>
        <translation>Generar (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel the running job (Esc)</source>
        <translation>Cancelar el trabajo en curso (Esc)</translation>
    </message>
    <message>
        <source>Choose a model first: Model ▸ Load Model… (a .safetensors file or a diffusers folder).</source>
        <translation>Primero elige un modelo: Modelo ▸ Cargar modelo… (un archivo .safetensors o una carpeta de diffusers).</translation>
    </message>
    <message>
        <source>Inpainting needs a mask: paint over the part to repaint, or switch to Image to Image.</source>
        <translation>El inpainting necesita una máscara: pinta sobre la parte que quieras repintar o cambia a Imagen a imagen.</translation>
    </message>
    <message numerus="yes">
        <source>%n more queued</source>
        <translation>
            <numerusform>%n más en cola</numerusform>
            <numerusform>%n más en cola</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stipple::ui::RecentList</name>
    <message>
        <source>Clear List</source>
        <translation>Vaciar lista</translation>
    </message>
</context>
<context>
    <name>stipple::ui::SeedField</name>
    <message>
        <source>Random</source>
        <translation>Aleatoria</translation>
    </message>
    <message>
        <source>The same seed, prompt and settings give the same image. Empty or -1: a new random seed each time.</source>
        <translation>La misma seed, el mismo prompt y los mismos ajustes dan la misma imagen. Vacío o -1: una seed aleatoria nueva cada vez.</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>Seed aleatoria</translation>
    </message>
    <message>
        <source>Reuse the seed of the last result</source>
        <translation>Reutilizar la seed del último resultado</translation>
    </message>
    <message>
        <source>Reuse the seed of the last result (%1)</source>
        <translation>Reutilizar la seed del último resultado (%1)</translation>
    </message>
</context>
</TS>
