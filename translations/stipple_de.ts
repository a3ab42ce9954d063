<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>EngineInfo</name>
    <message>
        <source>CPU, 1 thread</source>
        <translation>CPU, 1 Thread</translation>
    </message>
    <message numerus="yes">
        <source>CPU, %n threads</source>
        <translation>
            <numerusform>CPU, %n Thread</numerusform>
            <numerusform>CPU, %n Threads</numerusform>
        </translation>
    </message>
    <message>
        <source>CUDA (1 device)</source>
        <translation>CUDA (1 Gerät)</translation>
    </message>
    <message numerus="yes">
        <source>CUDA (%n devices)</source>
        <translation>
            <numerusform>CUDA (%n Gerät)</numerusform>
            <numerusform>CUDA (%n Geräte)</numerusform>
        </translation>
    </message>
    <message>
        <source>fp32 (no fast bf16)</source>
        <translation>fp32 (kein schnelles bf16)</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Recheneinheit: %1</translation>
    </message>
    <message>
        <source>Processor: %1</source>
        <translation>Prozessor: %1</translation>
    </message>
    <message>
        <source>BLAS kernels: %1, 1 thread</source>
        <translation>BLAS-Kernel: %1, 1 Thread</translation>
    </message>
    <message numerus="yes">
        <source>BLAS kernels: %1, %n threads</source>
        <translation>
            <numerusform>BLAS-Kernel: %1, %n Thread</numerusform>
            <numerusform>BLAS-Kernel: %1, %n Threads</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobQueue</name>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <source>The model does not fit in GPU memory (%1); it runs on the CPU instead, more slowly.</source>
        <translation>Das Modell passt nicht in den GPU-Speicher (%1); es läuft stattdessen auf der CPU, langsamer.</translation>
    </message>
</context>
<context>
    <name>Outpaint</name>
    <message>
        <source>The canvas can only grow: a margin is negative.</source>
        <translation>Die Leinwand kann nur wachsen: ein Rand ist negativ.</translation>
    </message>
    <message>
        <source>Give at least one side a margin.</source>
        <translation>Geben Sie mindestens einer Seite einen Rand.</translation>
    </message>
    <message>
        <source>The seam width cannot be negative.</source>
        <translation>Die Nahtbreite kann nicht negativ sein.</translation>
    </message>
    <message>
        <source>%1 × %2 is larger than %3 pixels on a side.</source>
        <translation>%1 × %2 ist größer als %3 Pixel pro Seite.</translation>
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
        <translation>die Bildtabelle ist abgeschnitten</translation>
    </message>
    <message>
        <source>image %1 has an unknown format</source>
        <translation>Bild %1 hat ein unbekanntes Format</translation>
    </message>
    <message>
        <source>image %1 has an impossible size %2×%3</source>
        <translation>Bild %1 hat eine unmögliche Größe von %2×%3</translation>
    </message>
    <message>
        <source>image %1 is too large</source>
        <translation>Bild %1 ist zu groß</translation>
    </message>
    <message>
        <source>image %1 is cut short</source>
        <translation>Bild %1 ist abgeschnitten</translation>
    </message>
    <message>
        <source>image %1 does not match its size</source>
        <translation>Bild %1 passt nicht zu seiner Größe</translation>
    </message>
    <message>
        <source>image %1 does not decompress</source>
        <translation>Bild %1 lässt sich nicht entpacken</translation>
    </message>
    <message>
        <source>image %1 does not fit in memory</source>
        <translation>Bild %1 passt nicht in den Speicher</translation>
    </message>
    <message>
        <source>an image reference is out of range</source>
        <translation>ein Bildverweis liegt außerhalb des gültigen Bereichs</translation>
    </message>
    <message>
        <source>a canvas origin is unknown</source>
        <translation>die Herkunft einer Leinwand ist unbekannt</translation>
    </message>
    <message>
        <source>a canvas record is cut short</source>
        <translation>ein Leinwand-Datensatz ist abgeschnitten</translation>
    </message>
    <message>
        <source>it is not a Stipple session file</source>
        <translation>es ist keine Stipple-Sitzungsdatei</translation>
    </message>
    <message numerus="yes">
        <source>it is cut short (%n bytes)</source>
        <translation>
            <numerusform>die Datei ist abgeschnitten (%n Byte)</numerusform>
            <numerusform>die Datei ist abgeschnitten (%n Bytes)</numerusform>
        </translation>
    </message>
    <message>
        <source>it was written by a newer Stipple (format %1)</source>
        <translation>die Datei wurde von einer neueren Stipple-Version geschrieben (Format %1)</translation>
    </message>
    <message>
        <source>its format number is damaged</source>
        <translation>die Formatnummer ist beschädigt</translation>
    </message>
    <message>
        <source>its length does not match its header (the file is cut short or has extra bytes)</source>
        <translation>die Länge passt nicht zum Dateikopf (die Datei ist abgeschnitten oder hat überzählige Bytes)</translation>
    </message>
    <message>
        <source>its checksum does not match (the file is damaged)</source>
        <translation>die Prüfsumme stimmt nicht (die Datei ist beschädigt)</translation>
    </message>
    <message>
        <source>the session header is cut short</source>
        <translation>der Sitzungskopf ist abgeschnitten</translation>
    </message>
    <message>
        <source>the prompt panel record is damaged</source>
        <translation>der Datensatz des Prompt-Bereichs ist beschädigt</translation>
    </message>
    <message>
        <source>the undo history is damaged</source>
        <translation>der Rückgängig-Verlauf ist beschädigt</translation>
    </message>
    <message>
        <source>undo step %1 has an unknown kind</source>
        <translation>Rückgängig-Schritt %1 hat eine unbekannte Art</translation>
    </message>
    <message>
        <source>undo step %1 is cut short</source>
        <translation>Rückgängig-Schritt %1 ist abgeschnitten</translation>
    </message>
    <message>
        <source>the undo position is cut short</source>
        <translation>die Rückgängig-Position ist abgeschnitten</translation>
    </message>
    <message>
        <source>there are bytes after the last record</source>
        <translation>nach dem letzten Datensatz folgen weitere Bytes</translation>
    </message>
</context>
<context>
    <name>stipple::ui::Autosaver</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>no permission to write in %1</source>
        <translation>keine Berechtigung, in %1 zu schreiben</translation>
    </message>
    <message>
        <source>the session file is held by another process</source>
        <translation>die Sitzungsdatei wird von einem anderen Prozess belegt</translation>
    </message>
    <message>
        <source>Autosave failed: %1. The previous autosave is kept.</source>
        <translation>Automatisches Speichern fehlgeschlagen: %1. Die vorherige automatische Sicherung bleibt erhalten.</translation>
    </message>
</context>
<context>
    <name>stipple::ui::BatchExportDialog</name>
    <message>
        <source>Batch Export</source>
        <translation>Stapelexport</translation>
    </message>
    <message>
        <source>Prompts</source>
        <translation>Prompts</translation>
    </message>
    <message>
        <source>One prompt per line; lines starting with # are comments.
A CSV file with a header row (prompt, seed, steps, cfg, sampler, …) or JSON Lines sets other fields per row.</source>
        <translation>Ein Prompt pro Zeile; Zeilen, die mit # beginnen, sind Kommentare.
Eine CSV-Datei mit Kopfzeile (prompt, seed, steps, cfg, sampler, …) oder JSON Lines legt weitere Felder pro Zeile fest.</translation>
    </message>
    <message>
        <source>&amp;Load File…</source>
        <translation>&amp;Datei laden…</translation>
    </message>
    <message>
        <source>Detect format</source>
        <translation>Format erkennen</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Reiner Text</translation>
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
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Incrementing from the seed</source>
        <translation>Vom Seed an hochgezählt</translation>
    </message>
    <message>
        <source>The same seed for each image</source>
        <translation>Derselbe Seed für jedes Bild</translation>
    </message>
    <message>
        <source>Random (recorded in the manifest)</source>
        <translation>Zufällig (im Manifest festgehalten)</translation>
    </message>
    <message>
        <source>none, or e.g. cfg=5,7,9</source>
        <translation>keiner, oder z. B. cfg=5,7,9</translation>
    </message>
    <message>
        <source>none, or e.g. steps=20,30</source>
        <translation>keiner, oder z. B. steps=20,30</translation>
    </message>
    <message>
        <source>Start every image from the canvas (and its mask)</source>
        <translation>Jedes Bild von der Leinwand (und ihrer Maske) ausgehen lassen</translation>
    </message>
    <message>
        <source>Open or generate a picture first</source>
        <translation>Zuerst ein Bild öffnen oder erzeugen</translation>
    </message>
    <message>
        <source>Images per &amp;prompt:</source>
        <translation>Bilder pro &amp;Prompt:</translation>
    </message>
    <message>
        <source>&amp;Seeds:</source>
        <translation>&amp;Seeds:</translation>
    </message>
    <message>
        <source>Sweep &amp;X:</source>
        <translation>Reihe &amp;X:</translation>
    </message>
    <message>
        <source>Sweep &amp;Y:</source>
        <translation>Reihe &amp;Y:</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Dur&amp;chsuchen…</translation>
    </message>
    <message>
        <source>Placeholders: %1</source>
        <translation>Platzhalter: %1</translation>
    </message>
    <message>
        <source>PNG (parameters in a text chunk)</source>
        <translation>PNG (Parameter in einem Text-Chunk)</translation>
    </message>
    <message>
        <source>JPEG (parameters in EXIF)</source>
        <translation>JPEG (Parameter in EXIF)</translation>
    </message>
    <message>
        <source>WebP (parameters in EXIF)</source>
        <translation>WebP (Parameter in EXIF)</translation>
    </message>
    <message>
        <source>quality </source>
        <translation>Qualität </translation>
    </message>
    <message>
        <source>Write the new image under another name</source>
        <translation>Das neue Bild unter anderem Namen schreiben</translation>
    </message>
    <message>
        <source>Skip the image</source>
        <translation>Das Bild überspringen</translation>
    </message>
    <message>
        <source>Contact sheet of all images (with the sweep&apos;s labels)</source>
        <translation>Kontaktbogen aller Bilder (mit den Beschriftungen der Reihen)</translation>
    </message>
    <message>
        <source>Add to the other batch in this folder</source>
        <translation>Zum anderen Stapel in diesem Ordner hinzufügen</translation>
    </message>
    <message>
        <source>Let my own generations go first, between batch images</source>
        <translation>Eigene Generierungen zuerst, zwischen den Stapelbildern</translation>
    </message>
    <message>
        <source>Finish the batch before my own generations</source>
        <translation>Den Stapel vor eigenen Generierungen beenden</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>File &amp;names:</source>
        <translation>Datei&amp;namen:</translation>
    </message>
    <message>
        <source>If a file exis&amp;ts:</source>
        <translation>Wenn die Datei &amp;bereits existiert:</translation>
    </message>
    <message>
        <source>&amp;While it runs:</source>
        <translation>&amp;Während er läuft:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Image to image from the canvas, strength %1</source>
        <translation>Bild zu Bild von der Leinwand, Stärke %1</translation>
    </message>
    <message>
        <source>Inpainting: the canvas&apos;s masked part is regenerated</source>
        <translation>Inpainting: der maskierte Teil der Leinwand wird neu erzeugt</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Load Prompt List</source>
        <translation>Promptliste laden</translation>
    </message>
    <message>
        <source>Prompt lists (*.txt *.csv *.jsonl *.ndjson);;All files (*)</source>
        <translation>Promptlisten (*.txt *.csv *.jsonl *.ndjson);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export Into Folder</source>
        <translation>In Ordner exportieren</translation>
    </message>
    <message>
        <source>Sweep %1: %2</source>
        <translation>Reihe %1: %2</translation>
    </message>
    <message>
        <source>Sweep Y needs a sweep X</source>
        <translation>Reihe Y braucht eine Reihe X</translation>
    </message>
    <message>
        <source>Choose a folder for the images</source>
        <translation>Einen Ordner für die Bilder wählen</translation>
    </message>
    <message>
        <source>Type the prompts, one per line, or load a prompt list</source>
        <translation>Prompts eingeben, einen pro Zeile, oder eine Promptliste laden</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>e.g. %1%2</source>
        <translation>z. B. %1%2</translation>
    </message>
    <message numerus="yes">
        <source>This folder holds another batch (%n images). Choose another folder, or add to that batch.</source>
        <translation>
            <numerusform>Dieser Ordner enthält einen anderen Stapel (%n Bild). Einen anderen Ordner wählen oder zu diesem Stapel hinzufügen.</numerusform>
            <numerusform>Dieser Ordner enthält einen anderen Stapel (%n Bilder). Einen anderen Ordner wählen oder zu diesem Stapel hinzufügen.</numerusform>
        </translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>1 Bild</translation>
    </message>
    <message numerus="yes">
        <source>%n images</source>
        <translation>
            <numerusform>%n Bild</numerusform>
            <numerusform>%n Bilder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n already in the folder</source>
        <translation>
            <numerusform>, %n schon im Ordner</numerusform>
            <numerusform>, %n schon im Ordner</numerusform>
        </translation>
    </message>
    <message>
        <source> · about %1</source>
        <translation> · etwa %1</translation>
    </message>
    <message>
        <source> · the time is estimated after the first image</source>
        <translation> · die Dauer wird nach dem ersten Bild geschätzt</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiteres</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stipple::ui::BatchProgressWindow</name>
    <message>
        <source>Batch Export – %1</source>
        <translation>Stapelexport – %1</translation>
    </message>
    <message>
        <source>Waiting…</source>
        <translation>Wartet…</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In der Warteschlange</translation>
    </message>
    <message>
        <source>%v of %m images</source>
        <translation>%v von %m Bildern</translation>
    </message>
    <message>
        <source>step %v of %m</source>
        <translation>Schritt %v von %m</translation>
    </message>
    <message>
        <source>Into %1</source>
        <translation>Nach %1</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Stop after the image being made; resume any time</source>
        <translation>Nach dem aktuellen Bild anhalten; jederzeit fortsetzbar</translation>
    </message>
    <message>
        <source>&amp;Cancel Batch</source>
        <translation>Stapel a&amp;bbrechen</translation>
    </message>
    <message>
        <source>&amp;Open Folder</source>
        <translation>Ordner ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Startet…</translation>
    </message>
    <message>
        <source>Image %1 of %2</source>
        <translation>Bild %1 von %2</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>%1 von %2 fertig</translation>
    </message>
    <message>
        <source>preparing…</source>
        <translation>wird vorbereitet…</translation>
    </message>
    <message>
        <source>Elapsed %1</source>
        <translation>Vergangen: %1</translation>
    </message>
    <message>
        <source> · about %1 left</source>
        <translation> · noch etwa %1</translation>
    </message>
    <message numerus="yes">
        <source>%n written</source>
        <translation>
            <numerusform>%n geschrieben</numerusform>
            <numerusform>%n geschrieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already there</source>
        <translation>
            <numerusform>%n schon vorhanden</numerusform>
            <numerusform>%n schon vorhanden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped (file exists)</source>
        <translation>
            <numerusform>%n übersprungen (Datei existiert)</numerusform>
            <numerusform>%n übersprungen (Datei existiert)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Image %1: %2</source>
        <translation>Bild %1: %2</translation>
    </message>
    <message>
        <source>Batch failed</source>
        <translation>Stapel fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Every finished image is kept; export the same batch into this folder again to continue.</source>
        <translation>Jedes fertige Bild bleibt erhalten; denselben Stapel erneut in diesen Ordner exportieren, um fortzufahren.</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>%1. Every finished image is kept.</source>
        <translation>%1. Jedes fertige Bild bleibt erhalten.</translation>
    </message>
    <message>
        <source>Done, 1 image failed</source>
        <translation>Fertig, 1 Bild fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>Done, %n images failed</source>
        <translation>
            <numerusform>Fertig, %n Bild fehlgeschlagen</numerusform>
            <numerusform>Fertig, %n Bilder fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Contact sheet: %1</source>
        <translation>Kontaktbogen: %1</translation>
    </message>
    <message>
        <source>1 image written in %1</source>
        <translation>1 Bild geschrieben in %1</translation>
    </message>
    <message numerus="yes">
        <source>%n images written in %1</source>
        <translation>
            <numerusform>%n Bild geschrieben in %1</numerusform>
            <numerusform>%n Bilder geschrieben in %1</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1 images/min)</source>
        <translation> (%1 Bilder/min)</translation>
    </message>
    <message numerus="yes">
        <source>%n were already there</source>
        <translation>
            <numerusform>%n war schon vorhanden</numerusform>
            <numerusform>%n waren schon vorhanden</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed images:</source>
        <translation>Fehlgeschlagene Bilder:</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>%1 of %2 done. Resume to continue where it stopped.</source>
        <translation>%1 von %2 fertig. Fortsetzen macht dort weiter, wo er angehalten hat.</translation>
    </message>
    <message>
        <source>Pausing after this image…</source>
        <translation>Hält nach diesem Bild an…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>stipple::ui::BrushToolBar</name>
    <message>
        <source>Tool Options</source>
        <translation>Werkzeugoptionen</translation>
    </message>
    <message>
        <source>Mask Brush</source>
        <translation>Maskenpinsel</translation>
    </message>
    <message>
        <source>Mask brush: paint where the image should change (B)</source>
        <translation>Maskenpinsel: dort malen, wo sich das Bild ändern soll (B)</translation>
    </message>
    <message>
        <source>Mask Eraser</source>
        <translation>Maskenradierer</translation>
    </message>
    <message>
        <source>Mask eraser (E toggles)</source>
        <translation>Maskenradierer (E schaltet um)</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Brush diameter in image pixels ([ and ] change it)</source>
        <translation>Pinseldurchmesser in Bildpixeln ([ und ] ändern ihn)</translation>
    </message>
    <message>
        <source>Hardness:</source>
        <translation>Härte:</translation>
    </message>
    <message>
        <source>Soft (left) to hard (right) brush edge</source>
        <translation>Weiche (links) bis harte (rechts) Pinselkante</translation>
    </message>
    <message>
        <source>Mask opacity:</source>
        <translation>Maskendeckkraft:</translation>
    </message>
    <message>
        <source>How strongly the mask tints the canvas</source>
        <translation>Wie stark die Maske die Leinwand einfärbt</translation>
    </message>
</context>
<context>
    <name>stipple::ui::CanvasDocument</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generieren</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>%1 lässt sich nicht speichern: %2</translation>
    </message>
    <message>
        <source>unsupported file type</source>
        <translation>Dateityp wird nicht unterstützt</translation>
    </message>
    <message>
        <source>Erase Mask</source>
        <translation>Maske radieren</translation>
    </message>
    <message>
        <source>Paint Mask</source>
        <translation>Maske malen</translation>
    </message>
    <message>
        <source>Clear Mask</source>
        <translation>Maske leeren</translation>
    </message>
    <message>
        <source>Fill Mask</source>
        <translation>Maske füllen</translation>
    </message>
    <message>
        <source>Invert Mask</source>
        <translation>Maske umkehren</translation>
    </message>
    <message>
        <source>Extend Canvas</source>
        <translation>Leinwand vergrößern</translation>
    </message>
    <message>
        <source>the saved canvas is incomplete</source>
        <translation>die gespeicherte Leinwand ist unvollständig</translation>
    </message>
    <message>
        <source>undo step %1 is incomplete</source>
        <translation>Rückgängig-Schritt %1 ist unvollständig</translation>
    </message>
    <message>
        <source>the undo position is out of range</source>
        <translation>die Rückgängig-Position liegt außerhalb des gültigen Bereichs</translation>
    </message>
    <message>
        <source>the undo history does not lead to the saved canvas</source>
        <translation>der Rückgängig-Verlauf führt nicht zur gespeicherten Leinwand</translation>
    </message>
</context>
<context>
    <name>stipple::ui::ExtendCanvasDialog</name>
    <message>
        <source>Extend Canvas</source>
        <translation>Leinwand vergrößern</translation>
    </message>
    <message>
        <source>Add to each side</source>
        <translation>An jeder Seite hinzufügen</translation>
    </message>
    <message>
        <source>Presets…</source>
        <translation>Vorlagen…</translation>
    </message>
    <message>
        <source>Wider: 128 px left and right</source>
        <translation>Breiter: 128 px links und rechts</translation>
    </message>
    <message>
        <source>Taller: 128 px top and bottom</source>
        <translation>Höher: 128 px oben und unten</translation>
    </message>
    <message>
        <source>All around: 64 px</source>
        <translation>Ringsum: 64 px</translation>
    </message>
    <message>
        <source>To the right: 256 px</source>
        <translation>Nach rechts: 256 px</translation>
    </message>
    <message>
        <source>Square (centred)</source>
        <translation>Quadratisch (zentriert)</translation>
    </message>
    <message>
        <source>&amp;Top:</source>
        <translation>&amp;Oben:</translation>
    </message>
    <message>
        <source>&amp;Left:</source>
        <translation>&amp;Links:</translation>
    </message>
    <message>
        <source>&amp;Right:</source>
        <translation>&amp;Rechts:</translation>
    </message>
    <message>
        <source>&amp;Bottom:</source>
        <translation>&amp;Unten:</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>How far into the picture the seam is repainted, fading out</source>
        <translation>Wie weit die Naht ins Bild hinein neu gemalt wird, auslaufend</translation>
    </message>
    <message>
        <source>&amp;Generate the new area now (with the prompt panel&apos;s settings)</source>
        <translation>Neuen Bereich sofort &amp;generieren (mit den Einstellungen des Prompt-Bereichs)</translation>
    </message>
    <message>
        <source>&amp;Seam:</source>
        <translation>&amp;Naht:</translation>
    </message>
    <message>
        <source>&amp;Extend</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>%1 × %2 px  →  %3 × %4 px</source>
        <translation>%1 × %2 px  →  %3 × %4 px</translation>
    </message>
    <message>
        <source>  (rounded up to multiples of 8)</source>
        <translation>  (auf Vielfache von 8 aufgerundet)</translation>
    </message>
</context>
<context>
    <name>stipple::ui::GenerationController</name>
    <message numerus="yes">
        <source>Generating… (%n more queued)</source>
        <translation>
            <numerusform>Generiere … (%n weiterer in der Warteschlange)</numerusform>
            <numerusform>Generiere … (%n weitere in der Warteschlange)</numerusform>
        </translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>Generiere …</translation>
    </message>
    <message>
        <source>Model %1 loaded</source>
        <translation>Modell %1 geladen</translation>
    </message>
    <message>
        <source>Loading model %1…</source>
        <translation>Lade Modell %1 …</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Breche ab …</translation>
    </message>
    <message>
        <source>Cannot load the model</source>
        <translation>Das Modell lässt sich nicht laden</translation>
    </message>
    <message>
        <source>Generation failed</source>
        <translation>Generierung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>The result could not be kept in the history: %1</source>
        <translation>Das Ergebnis konnte nicht im Verlauf gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generieren</translation>
    </message>
    <message>
        <source>Done in %1 s (%2 s/it)</source>
        <translation>Fertig in %1 s (%2 s/it)</translation>
    </message>
</context>
<context>
    <name>stipple::ui::GenerationSettings</name>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Karras</source>
        <translation>Karras</translation>
    </message>
    <message>
        <source>Exponential</source>
        <translation>Exponentiell</translation>
    </message>
    <message>
        <source>Uniform</source>
        <translation>Gleichmäßig</translation>
    </message>
    <message>
        <source>Classifier-free guidance: how closely the image follows the prompt</source>
        <translation>Classifier-free Guidance: wie genau das Bild dem Prompt folgt</translation>
    </message>
    <message>
        <source>Images generated one after another, with seeds counting up</source>
        <translation>Bilder, die nacheinander entstehen, mit aufsteigendem Seed</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>Sampling</translation>
    </message>
    <message>
        <source>Sampler:</source>
        <translation>Sampler:</translation>
    </message>
    <message>
        <source>Schedule:</source>
        <translation>Zeitplan:</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>Schritte:</translation>
    </message>
    <message>
        <source>CFG scale:</source>
        <translation>CFG-Skala:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>Batch count:</source>
        <translation>Anzahl Durchläufe:</translation>
    </message>
    <message>
        <source>How much of the image is repainted: 0 keeps it, 1 ignores it</source>
        <translation>Wie viel vom Bild neu gemalt wird: 0 behält es, 1 ignoriert es</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Whole picture</source>
        <translation>Ganzes Bild</translation>
    </message>
    <message>
        <source>Only masked</source>
        <translation>Nur maskierter Bereich</translation>
    </message>
    <message>
        <source>Only masked: renders the masked area at the full output size, for detail</source>
        <translation>Nur maskierter Bereich: rendert den maskierten Bereich in voller Ausgabegröße, für mehr Details</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Füllen</translation>
    </message>
    <message>
        <source>Latent noise</source>
        <translation>Latentes Rauschen</translation>
    </message>
    <message>
        <source>Latent nothing</source>
        <translation>Latent leer</translation>
    </message>
    <message>
        <source>What the masked area starts from</source>
        <translation>Womit der maskierte Bereich beginnt</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Stärke:</translation>
    </message>
    <message>
        <source>Mask blur:</source>
        <translation>Maskenunschärfe:</translation>
    </message>
    <message>
        <source>Inpaint area:</source>
        <translation>Inpaint-Bereich:</translation>
    </message>
    <message>
        <source>Padding:</source>
        <translation>Rand:</translation>
    </message>
    <message>
        <source>Masked content:</source>
        <translation>Maskierter Inhalt:</translation>
    </message>
    <message>
        <source>Width in pixels (a multiple of 8)</source>
        <translation>Breite in Pixeln (ein Vielfaches von 8)</translation>
    </message>
    <message>
        <source>Height in pixels (a multiple of 8)</source>
        <translation>Höhe in Pixeln (ein Vielfaches von 8)</translation>
    </message>
    <message>
        <source>Swap width and height</source>
        <translation>Breite und Höhe tauschen</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Vorgaben</translation>
    </message>
    <message>
        <source>Canvas size</source>
        <translation>Leinwandgröße</translation>
    </message>
    <message>
        <source>Works at the canvas size, %1 × %2.</source>
        <translation>Arbeitet in Leinwandgröße, %1 × %2.</translation>
    </message>
    <message>
        <source>Rendered at %1 × %2.</source>
        <translation>Gerendert in %1 × %2.</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Höhe</translation>
    </message>
    <message>
        <source>%1 must be a multiple of 8 (it is %2; %3 or %4 would work).</source>
        <translation>%1 muss ein Vielfaches von 8 sein (ist %2; %3 oder %4 ginge).</translation>
    </message>
    <message>
        <source>The canvas (%1 × %2) is larger than 4096 pixels; use “Only masked” inpainting or a smaller image.</source>
        <translation>Die Leinwand (%1 × %2) ist größer als 4096 Pixel; verwenden Sie Inpainting mit „Nur maskierter Bereich“ oder ein kleineres Bild.</translation>
    </message>
    <message>
        <source>The seed must be a whole number from 0 to 18446744073709551615, or -1 for random.</source>
        <translation>Der Seed muss eine ganze Zahl von 0 bis 18446744073709551615 sein, oder -1 für zufällig.</translation>
    </message>
</context>
<context>
    <name>stipple::ui::HistoryPanel</name>
    <message>
        <source>Generated images appear here and stay after a restart.</source>
        <translation>Generierte Bilder erscheinen hier und bleiben nach einem Neustart erhalten.</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Verwenden</translation>
    </message>
    <message>
        <source>Put this image on the canvas (double-click)</source>
        <translation>Dieses Bild auf die Leinwand legen (Doppelklick)</translation>
    </message>
    <message>
        <source>Reuse</source>
        <translation>Wiederverwenden</translation>
    </message>
    <message>
        <source>Reuse its prompt and settings</source>
        <translation>Prompt und Einstellungen übernehmen</translation>
    </message>
    <message>
        <source>Export a copy…</source>
        <translation>Eine Kopie exportieren …</translation>
    </message>
    <message>
        <source>Delete from the history</source>
        <translation>Aus dem Verlauf löschen</translation>
    </message>
    <message>
        <source>Put on Canvas</source>
        <translation>Auf die Leinwand legen</translation>
    </message>
    <message>
        <source>Reuse Parameters</source>
        <translation>Parameter übernehmen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren …</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>The image of this entry is missing: %1</source>
        <translation>Das Bild dieses Eintrags fehlt: %1</translation>
    </message>
    <message>
        <source>Export Image</source>
        <translation>Bild exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;JPEG image (*.jpg *.jpeg);;WebP image (*.webp)</source>
        <translation>PNG-Bild (*.png);;JPEG-Bild (*.jpg *.jpeg);;WebP-Bild (*.webp)</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>Delete from History</source>
        <translation>Aus dem Verlauf löschen</translation>
    </message>
    <message>
        <source>Delete this image from the history? The file is removed from disk.</source>
        <translation>Dieses Bild aus dem Verlauf löschen? Die Datei wird von der Festplatte entfernt.</translation>
    </message>
    <message>
        <source>Export %1 Images…</source>
        <translation>%1 Bilder exportieren…</translation>
    </message>
    <message>
        <source>Delete %1 Images</source>
        <translation>%1 Bilder löschen</translation>
    </message>
    <message>
        <source>Export %1 Images Into</source>
        <translation>%1 Bilder exportieren nach</translation>
    </message>
    <message>
        <source>Exported %1 images into %2</source>
        <translation>%1 Bilder nach %2 exportiert</translation>
    </message>
    <message>
        <source>Exported %1 of %2 images: %3</source>
        <translation>%1 von %2 Bildern exportiert: %3</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>the image of %1 is missing</source>
        <translation>das Bild von %1 fehlt</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Delete these %1 images from the history? The files are removed from disk.</source>
        <translation>Diese %1 Bilder aus dem Verlauf löschen? Die Dateien werden von der Festplatte entfernt.</translation>
    </message>
</context>
<context>
    <name>stipple::ui::JobProgress</name>
    <message>
        <source>Step %v/%m</source>
        <translation>Schritt %v/%m</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starte …</translation>
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
        <translation>%1 · Rest %2</translation>
    </message>
</context>
<context>
    <name>stipple::ui::MainWindow</name>
    <message>
        <source>Open an image or type a prompt to begin.</source>
        <translation>Öffnen Sie ein Bild oder geben Sie einen Prompt ein, um zu beginnen.</translation>
    </message>
    <message>
        <source>Compute device used for generation</source>
        <translation>Recheneinheit für die Generierung</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Batch Export…</source>
        <translation>&amp;Stapelexport…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>C&amp;lear Mask</source>
        <translation>Maske &amp;leeren</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>&amp;Invert Mask</source>
        <translation>Maske &amp;umkehren</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Show &amp;Mask</source>
        <translation>&amp;Maske anzeigen</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modell</translation>
    </message>
    <message>
        <source>&amp;Load Model…</source>
        <translation>Modell &amp;laden…</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Recent Models</source>
        <translation>&amp;Zuletzt verwendete Modelle</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Stipple</source>
        <translation>&amp;Über Stipple</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Stipple&lt;/h3&gt;&lt;p&gt;Image generation and inpainting with latent diffusion models.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Stipple&lt;/h3&gt;&lt;p&gt;Bildgenerierung und Inpainting mit latenten Diffusionsmodellen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Stipple</source>
        <translation>Über Stipple</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederholen: %1</translation>
    </message>
    <message>
        <source>&amp;Fill Mask</source>
        <translation>Maske &amp;füllen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generieren</translation>
    </message>
    <message>
        <source>Cancel Generation</source>
        <translation>Generierung abbrechen</translation>
    </message>
    <message>
        <source>Zoom (Ctrl+0 fits, Ctrl+1 shows actual size)</source>
        <translation>Zoom (Strg+0 passt ein, Strg+1 zeigt Originalgröße)</translation>
    </message>
    <message>
        <source>Canvas size</source>
        <translation>Leinwandgröße</translation>
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
        <translation>Bild aus dem Verlauf verwenden</translation>
    </message>
    <message>
        <source>the history</source>
        <translation>dem Verlauf</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The canvas has changes that are not saved. Save them first?</source>
        <translation>Die Leinwand hat ungespeicherte Änderungen. Zuerst speichern?</translation>
    </message>
    <message>
        <source>Prompt and settings taken from %1</source>
        <translation>Prompt und Einstellungen aus %1 übernommen</translation>
    </message>
    <message>
        <source>Open Image</source>
        <translation>Bild öffnen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.webp *.bmp)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Save Image</source>
        <translation>Bild speichern</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Export Image</source>
        <translation>Bild exportieren</translation>
    </message>
    <message>
        <source>JPEG image (*.jpg *.jpeg);;PNG image (*.png);;WebP image (*.webp);;BMP image (*.bmp)</source>
        <translation>JPEG-Bild (*.jpg *.jpeg);;PNG-Bild (*.png);;WebP-Bild (*.webp);;BMP-Bild (*.bmp)</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>Canvas copied</source>
        <translation>Leinwand kopiert</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>The clipboard holds no image</source>
        <translation>Die Zwischenablage enthält kein Bild</translation>
    </message>
    <message>
        <source>Load Model</source>
        <translation>Modell laden</translation>
    </message>
    <message>
        <source>Stable Diffusion models (*.safetensors model_index.json);;All files (*)</source>
        <translation>Stable-Diffusion-Modelle (*.safetensors model_index.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Drop Image</source>
        <translation>Bild ablegen</translation>
    </message>
    <message>
        <source>E&amp;xtend Canvas…</source>
        <translation>Leinwand &amp;vergrößern…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+E</source>
        <translation>Ctrl+Alt+E</translation>
    </message>
    <message>
        <source>Show the batch export&apos;s progress</source>
        <translation>Den Fortschritt des Stapelexports zeigen</translation>
    </message>
    <message>
        <source>Batch Export Running</source>
        <translation>Stapelexport läuft</translation>
    </message>
    <message>
        <source>A batch export has not finished. Quit and stop it?

Every image it has written is kept; exporting the same batch into the same folder again continues it.</source>
        <translation>Ein Stapelexport ist nicht fertig. Beenden und ihn anhalten?

Jedes geschriebene Bild bleibt erhalten; derselbe Stapel, erneut in denselben Ordner exportiert, macht weiter.</translation>
    </message>
    <message>
        <source>Cannot extend the canvas: %1</source>
        <translation>Die Leinwand kann nicht vergrößert werden: %1</translation>
    </message>
    <message>
        <source>Canvas extended to %1 × %2 px; the new area is masked</source>
        <translation>Leinwand auf %1 × %2 px vergrößert; der neue Bereich ist maskiert</translation>
    </message>
    <message numerus="yes">
        <source>Batch export finished: %n written</source>
        <translation>
            <numerusform>Stapelexport fertig: %n geschrieben</numerusform>
            <numerusform>Stapelexport fertig: %n geschrieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Batch export ended: %n written</source>
        <translation>
            <numerusform>Stapelexport beendet: %n geschrieben</numerusform>
            <numerusform>Stapelexport beendet: %n geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <source>Batch: %1</source>
        <translation>Stapel: %1</translation>
    </message>
    <message>
        <source>Another batch export is writing into %1: choose another folder, or wait for it to finish.</source>
        <translation>Ein anderer Stapelexport schreibt in %1: einen anderen Ordner wählen oder warten, bis er fertig ist.</translation>
    </message>
    <message>
        <source>The autosaved session from %1 cannot be restored: %2.%3</source>
        <translation>Die automatisch gesicherte Sitzung vom %1 kann nicht wiederhergestellt werden: %2.%3</translation>
    </message>
    <message>
        <source> It was kept as %1.</source>
        <translation> Sie wurde als %1 aufbewahrt.</translation>
    </message>
    <message>
        <source>Restore Session</source>
        <translation>Sitzung wiederherstellen</translation>
    </message>
    <message>
        <source>Stipple did not close properly. Restore the canvas as it was at %1?</source>
        <translation>Stipple wurde nicht ordnungsgemäß beendet. Die Leinwand im Zustand vom %1 wiederherstellen?</translation>
    </message>
    <message>
        <source>one undo step</source>
        <translation>ein Rückgängig-Schritt</translation>
    </message>
    <message>
        <source>%1 undo steps</source>
        <translation>%1 Rückgängig-Schritte</translation>
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
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Später</translation>
    </message>
    <message>
        <source>Keep the autosaved session and ask again at the next start</source>
        <translation>Die automatisch gesicherte Sitzung behalten und beim nächsten Start erneut fragen</translation>
    </message>
    <message>
        <source>The canvas was restored without its undo history: %1.</source>
        <translation>Die Leinwand wurde ohne ihren Rückgängig-Verlauf wiederhergestellt: %1.</translation>
    </message>
    <message>
        <source>Session restored</source>
        <translation>Sitzung wiederhergestellt</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>Ein&amp;stellungen…</translation>
    </message>
    <message>
        <source>Language, theme and threads change when Stipple starts again.</source>
        <translation>Sprache, Design und Threads ändern sich beim nächsten Start von Stipple.</translation>
    </message>
    <message>
        <source>Canvas</source>
        <translation>Leinwand</translation>
    </message>
    <message>
        <source>&amp;Prompt Panel</source>
        <translation>&amp;Prompt-Bereich</translation>
    </message>
    <message>
        <source>&amp;History Panel</source>
        <translation>&amp;Verlauf-Bereich</translation>
    </message>
</context>
<context>
    <name>stipple::ui::MessageBar</name>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>stipple::ui::ModelChooser</name>
    <message>
        <source>No model – Load Model…</source>
        <translation>Kein Modell – Modell laden …</translation>
    </message>
    <message>
        <source>Load a model (.safetensors file or diffusers folder)</source>
        <translation>Ein Modell laden (.safetensors-Datei oder Diffusers-Ordner)</translation>
    </message>
    <message>
        <source>%1 (bundled)</source>
        <translation>%1 (mitgeliefert)</translation>
    </message>
</context>
<context>
    <name>stipple::ui::NewCanvasDialog</name>
    <message>
        <source>New Canvas</source>
        <translation>Neue Leinwand</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Vorgabe:</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>Breite:</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>Höhe:</translation>
    </message>
</context>
<context>
    <name>stipple::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Engine</source>
        <translation>&amp;Engine</translation>
    </message>
    <message>
        <source>&amp;Folders</source>
        <translation>&amp;Ordner</translation>
    </message>
    <message>
        <source>&amp;Interface</source>
        <translation>Ober&amp;fläche</translation>
    </message>
    <message>
        <source>Language, theme and threads take effect when Stipple starts again.</source>
        <translation>Sprache, Design und Threads werden beim nächsten Start von Stipple wirksam.</translation>
    </message>
    <message>
        <source>Automatic (the GPU when there is one)</source>
        <translation>Automatisch (die GPU, wenn vorhanden)</translation>
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
        <translation>CUDA GPU (keine gefunden)</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Recheneinheit:</translation>
    </message>
    <message>
        <source>Automatic (fp16 on a GPU, bf16 on CPUs that are fast at it)</source>
        <translation>Automatisch (fp16 auf einer GPU, bf16 auf CPUs, die damit schnell sind)</translation>
    </message>
    <message>
        <source>fp32 (exact, slowest)</source>
        <translation>fp32 (exakt, am langsamsten)</translation>
    </message>
    <message>
        <source>bf16</source>
        <translation>bf16</translation>
    </message>
    <message>
        <source>fp16 (GPU only)</source>
        <translation>fp16 (nur GPU)</translation>
    </message>
    <message>
        <source>&amp;Precision:</source>
        <translation>&amp;Präzision:</translation>
    </message>
    <message>
        <source>All (%1)</source>
        <translation>Alle (%1)</translation>
    </message>
    <message>
        <source>CPU threads for the engine; 0 uses every CPU this process may run on</source>
        <translation>CPU-Threads für die Engine; 0 nutzt jede CPU, auf der dieser Prozess laufen darf</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>&amp;Threads:</translation>
    </message>
    <message>
        <source>Approximate (fast)</source>
        <translation>Angenähert (schnell)</translation>
    </message>
    <message>
        <source>Full (decoded by the VAE)</source>
        <translation>Vollständig (vom VAE dekodiert)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Pre&amp;view:</source>
        <translation>&amp;Vorschau:</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> Schritte</translation>
    </message>
    <message>
        <source>A full preview costs about one VAE decode; fewer previews keep sampling fast</source>
        <translation>Eine vollständige Vorschau kostet etwa eine VAE-Dekodierung; weniger Vorschauen halten das Sampling schnell</translation>
    </message>
    <message>
        <source>Preview &amp;every:</source>
        <translation>Vorschau &amp;alle:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Einen Ordner wählen</translation>
    </message>
    <message>
        <source>Choose a Folder</source>
        <translation>Ordner wählen</translation>
    </message>
    <message>
        <source>&amp;Images:</source>
        <translation>&amp;Bilder:</translation>
    </message>
    <message>
        <source>&amp;Batch exports:</source>
        <translation>&amp;Stapelexporte:</translation>
    </message>
    <message>
        <source>Checkpoints (.safetensors) and diffusers folders in these folders appear in the model list</source>
        <translation>Checkpoints (.safetensors) und Diffusers-Ordner in diesen Ordnern erscheinen in der Modellliste</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Entfe&amp;rnen</translation>
    </message>
    <message>
        <source>&amp;Model folders:</source>
        <translation>&amp;Modellordner:</translation>
    </message>
    <message>
        <source>Add a Model Folder</source>
        <translation>Modellordner hinzufügen</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How often the session is autosaved while it changes (and always after a generation)</source>
        <translation>Wie oft die Sitzung automatisch gesichert wird, während sie sich ändert (und immer nach einer Generierung)</translation>
    </message>
    <message>
        <source>&amp;Autosave every:</source>
        <translation>&amp;Automatisch sichern alle:</translation>
    </message>
    <message>
        <source>fp16 runs on a CUDA GPU only; on the CPU choose bf16, fp32 or Automatic.</source>
        <translation>fp16 läuft nur auf einer CUDA-GPU; auf der CPU bf16, fp32 oder „Automatisch“ wählen.</translation>
    </message>
    <message>
        <source>This CPU has no fast bf16 instructions: bf16 will be slower than fp32 here.</source>
        <translation>Diese CPU hat keine schnellen bf16-Befehle: bf16 ist hier langsamer als fp32.</translation>
    </message>
    <message>
        <source>The engine will run as: %1.</source>
        <translation>Die Engine läuft mit: %1.</translation>
    </message>
    <message>
        <source> step</source>
        <translation> Schritt</translation>
    </message>
</context>
<context>
    <name>stipple::ui::PromptEdit</name>
    <message>
        <source>Tokens used / available. Long prompts are split into chunks of 75 tokens.</source>
        <translation>Verwendete / verfügbare Token. Lange Prompts werden in Abschnitte zu 75 Token geteilt.</translation>
    </message>
</context>
<context>
    <name>stipple::ui::PromptPanel</name>
    <message>
        <source>Describe the image: a lighthouse on a cliff at dusk, oil painting</source>
        <translation>Beschreiben Sie das Bild: ein Leuchtturm auf einer Klippe in der Dämmerung, Ölgemälde</translation>
    </message>
    <message>
        <source>What to avoid: blurry, low quality</source>
        <translation>Was vermieden werden soll: unscharf, geringe Qualität</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modell</translation>
    </message>
    <message>
        <source>&amp;Prompt</source>
        <translation>&amp;Prompt</translation>
    </message>
    <message>
        <source>&amp;Negative prompt</source>
        <translation>&amp;Negativer Prompt</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generieren</translation>
    </message>
    <message>
        <source>Image to Image</source>
        <translation>Bild zu Bild</translation>
    </message>
    <message>
        <source>Inpaint</source>
        <translation>Inpainting</translation>
    </message>
    <message>
        <source>A new image from the prompt alone</source>
        <translation>Ein neues Bild allein aus dem Prompt</translation>
    </message>
    <message>
        <source>A new image that starts from the canvas</source>
        <translation>Ein neues Bild, das von der Leinwand ausgeht</translation>
    </message>
    <message>
        <source>Repaint the masked part of the canvas</source>
        <translation>Den maskierten Teil der Leinwand neu malen</translation>
    </message>
    <message>
        <source>Generate (Ctrl+Enter)</source>
        <translation>Generieren (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the running job (Esc)</source>
        <translation>Den laufenden Auftrag abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Choose a model first: Model ▸ Load Model… (a .safetensors file or a diffusers folder).</source>
        <translation>Wählen Sie zuerst ein Modell: Modell ▸ Modell laden … (eine .safetensors-Datei oder ein Diffusers-Ordner).</translation>
    </message>
    <message>
        <source>Inpainting needs a mask: paint over the part to repaint, or switch to Image to Image.</source>
        <translation>Inpainting braucht eine Maske: Malen Sie über den Teil, der neu entstehen soll, oder wechseln Sie zu „Bild zu Bild“.</translation>
    </message>
    <message numerus="yes">
        <source>%n more queued</source>
        <translation>
            <numerusform>%n weiterer in der Warteschlange</numerusform>
            <numerusform>%n weitere in der Warteschlange</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stipple::ui::RecentList</name>
    <message>
        <source>Clear List</source>
        <translation>Liste leeren</translation>
    </message>
</context>
<context>
    <name>stipple::ui::SeedField</name>
    <message>
        <source>Random</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <source>The same seed, prompt and settings give the same image. Empty or -1: a new random seed each time.</source>
        <translation>Gleicher Seed, Prompt und gleiche Einstellungen ergeben dasselbe Bild. Leer oder -1: jedes Mal ein neuer zufälliger Seed.</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>Zufälliger Seed</translation>
    </message>
    <message>
        <source>Reuse the seed of the last result</source>
        <translation>Seed des letzten Ergebnisses wiederverwenden</translation>
    </message>
    <message>
        <source>Reuse the seed of the last result (%1)</source>
        <translation>Seed des letzten Ergebnisses wiederverwenden (%1)</translation>
    </message>
</context>
</TS>
