<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>EngineInfo</name>
    <message>
        <source>CPU, 1 thread</source>
        <translation>CPU, 1 thread</translation>
    </message>
    <message numerus="yes">
        <source>CPU, %n threads</source>
        <translation>
            <numerusform>CPU, %n thread</numerusform>
            <numerusform>CPU, %n threads</numerusform>
        </translation>
    </message>
    <message>
        <source>CUDA (1 device)</source>
        <translation>CUDA (1 périphérique)</translation>
    </message>
    <message numerus="yes">
        <source>CUDA (%n devices)</source>
        <translation>
            <numerusform>CUDA (%n périphérique)</numerusform>
            <numerusform>CUDA (%n périphériques)</numerusform>
        </translation>
    </message>
    <message>
        <source>fp32 (no fast bf16)</source>
        <translation>fp32 (pas de bf16 rapide)</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Périphérique&#xa0;: %1</translation>
    </message>
    <message>
        <source>Processor: %1</source>
        <translation>Processeur&#xa0;: %1</translation>
    </message>
    <message>
        <source>BLAS kernels: %1, 1 thread</source>
        <translation>Noyaux BLAS&#xa0;: %1, 1 thread</translation>
    </message>
    <message numerus="yes">
        <source>BLAS kernels: %1, %n threads</source>
        <translation>
            <numerusform>Noyaux BLAS&#xa0;: %1, %n thread</numerusform>
            <numerusform>Noyaux BLAS&#xa0;: %1, %n threads</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobQueue</name>
    <message>
        <source>unknown error</source>
        <translation>erreur inconnue</translation>
    </message>
    <message>
        <source>The model does not fit in GPU memory (%1); it runs on the CPU instead, more slowly.</source>
        <translation>Le modèle ne tient pas dans la mémoire du GPU (%1)&#xa0;; il s&apos;exécute donc sur le CPU, plus lentement.</translation>
    </message>
</context>
<context>
    <name>Outpaint</name>
    <message>
        <source>The canvas can only grow: a margin is negative.</source>
        <translation>Le canevas ne peut que s&apos;agrandir&#xa0;: une marge est négative.</translation>
    </message>
    <message>
        <source>Give at least one side a margin.</source>
        <translation>Donnez une marge à au moins un côté.</translation>
    </message>
    <message>
        <source>The seam width cannot be negative.</source>
        <translation>La largeur du raccord ne peut pas être négative.</translation>
    </message>
    <message>
        <source>%1 × %2 is larger than %3 pixels on a side.</source>
        <translation>%1 × %2 dépasse %3 pixels de côté.</translation>
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
        <translation>la table des images est tronquée</translation>
    </message>
    <message>
        <source>image %1 has an unknown format</source>
        <translation>l&apos;image %1 a un format inconnu</translation>
    </message>
    <message>
        <source>image %1 has an impossible size %2×%3</source>
        <translation>l&apos;image %1 a une taille impossible de %2×%3</translation>
    </message>
    <message>
        <source>image %1 is too large</source>
        <translation>l&apos;image %1 est trop grande</translation>
    </message>
    <message>
        <source>image %1 is cut short</source>
        <translation>l&apos;image %1 est tronquée</translation>
    </message>
    <message>
        <source>image %1 does not match its size</source>
        <translation>l&apos;image %1 ne correspond pas à sa taille</translation>
    </message>
    <message>
        <source>image %1 does not decompress</source>
        <translation>l&apos;image %1 ne peut pas être décompressée</translation>
    </message>
    <message>
        <source>image %1 does not fit in memory</source>
        <translation>l&apos;image %1 ne tient pas en mémoire</translation>
    </message>
    <message>
        <source>an image reference is out of range</source>
        <translation>une référence d&apos;image est hors limites</translation>
    </message>
    <message>
        <source>a canvas origin is unknown</source>
        <translation>l&apos;origine d&apos;un canevas est inconnue</translation>
    </message>
    <message>
        <source>a canvas record is cut short</source>
        <translation>un enregistrement de canevas est tronqué</translation>
    </message>
    <message>
        <source>it is not a Stipple session file</source>
        <translation>ce n&apos;est pas un fichier de session Stipple</translation>
    </message>
    <message numerus="yes">
        <source>it is cut short (%n bytes)</source>
        <translation>
            <numerusform>le fichier est tronqué (%n octet)</numerusform>
            <numerusform>le fichier est tronqué (%n octets)</numerusform>
        </translation>
    </message>
    <message>
        <source>it was written by a newer Stipple (format %1)</source>
        <translation>le fichier a été écrit par une version plus récente de Stipple (format %1)</translation>
    </message>
    <message>
        <source>its format number is damaged</source>
        <translation>le numéro de format est endommagé</translation>
    </message>
    <message>
        <source>its length does not match its header (the file is cut short or has extra bytes)</source>
        <translation>la longueur ne correspond pas à l&apos;en-tête (le fichier est tronqué ou contient des octets en trop)</translation>
    </message>
    <message>
        <source>its checksum does not match (the file is damaged)</source>
        <translation>la somme de contrôle ne correspond pas (le fichier est endommagé)</translation>
    </message>
    <message>
        <source>the session header is cut short</source>
        <translation>l&apos;en-tête de la session est tronqué</translation>
    </message>
    <message>
        <source>the prompt panel record is damaged</source>
        <translation>l&apos;enregistrement du panneau Prompt est endommagé</translation>
    </message>
    <message>
        <source>the undo history is damaged</source>
        <translation>l&apos;historique d&apos;annulation est endommagé</translation>
    </message>
    <message>
        <source>undo step %1 has an unknown kind</source>
        <translation>l&apos;étape d&apos;annulation %1 est d&apos;un type inconnu</translation>
    </message>
    <message>
        <source>undo step %1 is cut short</source>
        <translation>l&apos;étape d&apos;annulation %1 est tronquée</translation>
    </message>
    <message>
        <source>the undo position is cut short</source>
        <translation>la position d&apos;annulation est tronquée</translation>
    </message>
    <message>
        <source>there are bytes after the last record</source>
        <translation>des octets suivent le dernier enregistrement</translation>
    </message>
</context>
<context>
    <name>stipple::ui::Autosaver</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <source>no permission to write in %1</source>
        <translation>pas d&apos;autorisation d&apos;écriture dans %1</translation>
    </message>
    <message>
        <source>the session file is held by another process</source>
        <translation>le fichier de session est verrouillé par un autre processus</translation>
    </message>
    <message>
        <source>Autosave failed: %1. The previous autosave is kept.</source>
        <translation>Échec de la sauvegarde automatique&#xa0;: %1. La sauvegarde automatique précédente est conservée.</translation>
    </message>
</context>
<context>
    <name>stipple::ui::BatchExportDialog</name>
    <message>
        <source>Batch Export</source>
        <translation>Export par lot</translation>
    </message>
    <message>
        <source>Prompts</source>
        <translation>Prompts</translation>
    </message>
    <message>
        <source>One prompt per line; lines starting with # are comments.
A CSV file with a header row (prompt, seed, steps, cfg, sampler, …) or JSON Lines sets other fields per row.</source>
        <translation>Un prompt par ligne&#xa0;; les lignes commençant par # sont des commentaires.
Un fichier CSV avec une ligne d&apos;en-tête (prompt, seed, steps, cfg, sampler, …) ou JSON Lines définit d&apos;autres champs par ligne.</translation>
    </message>
    <message>
        <source>&amp;Load File…</source>
        <translation>&amp;Charger un fichier…</translation>
    </message>
    <message>
        <source>Detect format</source>
        <translation>Détecter le format</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Texte brut</translation>
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
        <translation>Images</translation>
    </message>
    <message>
        <source>Incrementing from the seed</source>
        <translation>Incrémentées à partir de la seed</translation>
    </message>
    <message>
        <source>The same seed for each image</source>
        <translation>La même seed pour chaque image</translation>
    </message>
    <message>
        <source>Random (recorded in the manifest)</source>
        <translation>Aléatoires (consignées dans le manifeste)</translation>
    </message>
    <message>
        <source>none, or e.g. cfg=5,7,9</source>
        <translation>aucun, ou p. ex. cfg=5,7,9</translation>
    </message>
    <message>
        <source>none, or e.g. steps=20,30</source>
        <translation>aucun, ou p. ex. steps=20,30</translation>
    </message>
    <message>
        <source>Start every image from the canvas (and its mask)</source>
        <translation>Partir du canevas (et de son masque) pour chaque image</translation>
    </message>
    <message>
        <source>Open or generate a picture first</source>
        <translation>Ouvrez ou générez d&apos;abord une image</translation>
    </message>
    <message>
        <source>Images per &amp;prompt:</source>
        <translation>&amp;Images par prompt&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Seeds:</source>
        <translation>&amp;Seeds&#xa0;:</translation>
    </message>
    <message>
        <source>Sweep &amp;X:</source>
        <translation>Balayage &amp;X&#xa0;:</translation>
    </message>
    <message>
        <source>Sweep &amp;Y:</source>
        <translation>Balayage &amp;Y&#xa0;:</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Pa&amp;rcourir…</translation>
    </message>
    <message>
        <source>Placeholders: %1</source>
        <translation>Variables&#xa0;: %1</translation>
    </message>
    <message>
        <source>PNG (parameters in a text chunk)</source>
        <translation>PNG (paramètres dans un bloc de texte)</translation>
    </message>
    <message>
        <source>JPEG (parameters in EXIF)</source>
        <translation>JPEG (paramètres dans l&apos;EXIF)</translation>
    </message>
    <message>
        <source>WebP (parameters in EXIF)</source>
        <translation>WebP (paramètres dans l&apos;EXIF)</translation>
    </message>
    <message>
        <source>quality </source>
        <translation>qualité </translation>
    </message>
    <message>
        <source>Write the new image under another name</source>
        <translation>Écrire la nouvelle image sous un autre nom</translation>
    </message>
    <message>
        <source>Skip the image</source>
        <translation>Ignorer l&apos;image</translation>
    </message>
    <message>
        <source>Contact sheet of all images (with the sweep&apos;s labels)</source>
        <translation>Planche contact de toutes les images (avec les libellés du balayage)</translation>
    </message>
    <message>
        <source>Add to the other batch in this folder</source>
        <translation>Ajouter à l&apos;autre lot de ce dossier</translation>
    </message>
    <message>
        <source>Let my own generations go first, between batch images</source>
        <translation>Faire passer mes propres générations en premier, entre les images du lot</translation>
    </message>
    <message>
        <source>Finish the batch before my own generations</source>
        <translation>Terminer le lot avant mes propres générations</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Dossier&#xa0;:</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat&#xa0;:</translation>
    </message>
    <message>
        <source>File &amp;names:</source>
        <translation>&amp;Noms de fichier&#xa0;:</translation>
    </message>
    <message>
        <source>If a file exis&amp;ts:</source>
        <translation>Si un &amp;fichier existe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;While it runs:</source>
        <translation>&amp;Pendant l&apos;export&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <source>Image to image from the canvas, strength %1</source>
        <translation>Image vers image depuis le canevas, force %1</translation>
    </message>
    <message>
        <source>Inpainting: the canvas&apos;s masked part is regenerated</source>
        <translation>Inpainting&#xa0;: la partie masquée du canevas est régénérée</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Load Prompt List</source>
        <translation>Charger une liste de prompts</translation>
    </message>
    <message>
        <source>Prompt lists (*.txt *.csv *.jsonl *.ndjson);;All files (*)</source>
        <translation>Listes de prompts (*.txt *.csv *.jsonl *.ndjson);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Export Into Folder</source>
        <translation>Exporter dans un dossier</translation>
    </message>
    <message>
        <source>Sweep %1: %2</source>
        <translation>Balayage %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Sweep Y needs a sweep X</source>
        <translation>Le balayage Y nécessite un balayage X</translation>
    </message>
    <message>
        <source>Choose a folder for the images</source>
        <translation>Choisissez un dossier pour les images</translation>
    </message>
    <message>
        <source>Type the prompts, one per line, or load a prompt list</source>
        <translation>Saisissez les prompts, un par ligne, ou chargez une liste de prompts</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Ligne %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>e.g. %1%2</source>
        <translation>p. ex. %1%2</translation>
    </message>
    <message numerus="yes">
        <source>This folder holds another batch (%n images). Choose another folder, or add to that batch.</source>
        <translation>
            <numerusform>Ce dossier contient un autre lot (%n image). Choisissez un autre dossier, ou ajoutez à ce lot.</numerusform>
            <numerusform>Ce dossier contient un autre lot (%n images). Choisissez un autre dossier, ou ajoutez à ce lot.</numerusform>
        </translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>1 image</translation>
    </message>
    <message numerus="yes">
        <source>%n images</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n already in the folder</source>
        <translation>
            <numerusform>, %n déjà dans le dossier</numerusform>
            <numerusform>, %n déjà dans le dossier</numerusform>
        </translation>
    </message>
    <message>
        <source> · about %1</source>
        <translation> · environ %1</translation>
    </message>
    <message>
        <source> · the time is estimated after the first image</source>
        <translation> · la durée sera estimée après la première image</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… et %n autre</numerusform>
            <numerusform>… et %n autres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stipple::ui::BatchProgressWindow</name>
    <message>
        <source>Batch Export – %1</source>
        <translation>Export par lot – %1</translation>
    </message>
    <message>
        <source>Waiting…</source>
        <translation>En attente…</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En file d&apos;attente</translation>
    </message>
    <message>
        <source>%v of %m images</source>
        <translation>%v images sur %m</translation>
    </message>
    <message>
        <source>step %v of %m</source>
        <translation>étape %v sur %m</translation>
    </message>
    <message>
        <source>Into %1</source>
        <translation>Dans %1</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Stop after the image being made; resume any time</source>
        <translation>S&apos;arrêter après l&apos;image en cours&#xa0;; reprise possible à tout moment</translation>
    </message>
    <message>
        <source>&amp;Cancel Batch</source>
        <translation>&amp;Annuler le lot</translation>
    </message>
    <message>
        <source>&amp;Open Folder</source>
        <translation>&amp;Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Image %1 of %2</source>
        <translation>Image %1 sur %2</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>%1 sur %2 terminées</translation>
    </message>
    <message>
        <source>preparing…</source>
        <translation>préparation…</translation>
    </message>
    <message>
        <source>Elapsed %1</source>
        <translation>Écoulé&#xa0;: %1</translation>
    </message>
    <message>
        <source> · about %1 left</source>
        <translation> · reste environ %1</translation>
    </message>
    <message numerus="yes">
        <source>%n written</source>
        <translation>
            <numerusform>%n écrite</numerusform>
            <numerusform>%n écrites</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already there</source>
        <translation>
            <numerusform>%n déjà présente</numerusform>
            <numerusform>%n déjà présentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped (file exists)</source>
        <translation>
            <numerusform>%n ignorée (fichier existant)</numerusform>
            <numerusform>%n ignorées (fichier existant)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n en échec</numerusform>
            <numerusform>%n en échec</numerusform>
        </translation>
    </message>
    <message>
        <source>Image %1: %2</source>
        <translation>Image %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Batch failed</source>
        <translation>Échec du lot</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Every finished image is kept; export the same batch into this folder again to continue.</source>
        <translation>Toutes les images terminées sont conservées&#xa0;; exportez à nouveau le même lot dans ce dossier pour continuer.</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <source>%1. Every finished image is kept.</source>
        <translation>%1. Toutes les images terminées sont conservées.</translation>
    </message>
    <message>
        <source>Done, 1 image failed</source>
        <translation>Terminé, 1 image en échec</translation>
    </message>
    <message numerus="yes">
        <source>Done, %n images failed</source>
        <translation>
            <numerusform>Terminé, %n image en échec</numerusform>
            <numerusform>Terminé, %n images en échec</numerusform>
        </translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Contact sheet: %1</source>
        <translation>Planche contact&#xa0;: %1</translation>
    </message>
    <message>
        <source>1 image written in %1</source>
        <translation>1 image écrite en %1</translation>
    </message>
    <message numerus="yes">
        <source>%n images written in %1</source>
        <translation>
            <numerusform>%n image écrite en %1</numerusform>
            <numerusform>%n images écrites en %1</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1 images/min)</source>
        <translation> (%1 images/min)</translation>
    </message>
    <message numerus="yes">
        <source>%n were already there</source>
        <translation>
            <numerusform>%n était déjà présente</numerusform>
            <numerusform>%n étaient déjà présentes</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed images:</source>
        <translation>Images en échec&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>%1 of %2 done. Resume to continue where it stopped.</source>
        <translation>%1 sur %2 terminées. Reprenez pour continuer là où le lot s&apos;est arrêté.</translation>
    </message>
    <message>
        <source>Pausing after this image…</source>
        <translation>Pause après cette image…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>stipple::ui::BrushToolBar</name>
    <message>
        <source>Tool Options</source>
        <translation>Options de l&apos;outil</translation>
    </message>
    <message>
        <source>Mask Brush</source>
        <translation>Pinceau de masque</translation>
    </message>
    <message>
        <source>Mask brush: paint where the image should change (B)</source>
        <translation>Pinceau de masque&#xa0;: peignez là où l&apos;image doit changer (B)</translation>
    </message>
    <message>
        <source>Mask Eraser</source>
        <translation>Gomme de masque</translation>
    </message>
    <message>
        <source>Mask eraser (E toggles)</source>
        <translation>Gomme de masque (E pour basculer)</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Taille&#xa0;:</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Brush diameter in image pixels ([ and ] change it)</source>
        <translation>Diamètre du pinceau en pixels de l&apos;image ([ et ] pour le modifier)</translation>
    </message>
    <message>
        <source>Hardness:</source>
        <translation>Dureté&#xa0;:</translation>
    </message>
    <message>
        <source>Soft (left) to hard (right) brush edge</source>
        <translation>Bord du pinceau, de doux (à gauche) à dur (à droite)</translation>
    </message>
    <message>
        <source>Mask opacity:</source>
        <translation>Opacité du masque&#xa0;:</translation>
    </message>
    <message>
        <source>How strongly the mask tints the canvas</source>
        <translation>Intensité de la teinte du masque sur le canevas</translation>
    </message>
</context>
<context>
    <name>stipple::ui::CanvasDocument</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Impossible d&apos;ouvrir %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Génération</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>Impossible d&apos;enregistrer %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>unsupported file type</source>
        <translation>type de fichier non pris en charge</translation>
    </message>
    <message>
        <source>Erase Mask</source>
        <translation>Gommage du masque</translation>
    </message>
    <message>
        <source>Paint Mask</source>
        <translation>Peinture du masque</translation>
    </message>
    <message>
        <source>Clear Mask</source>
        <translation>Effacement du masque</translation>
    </message>
    <message>
        <source>Fill Mask</source>
        <translation>Remplissage du masque</translation>
    </message>
    <message>
        <source>Invert Mask</source>
        <translation>Inversion du masque</translation>
    </message>
    <message>
        <source>Extend Canvas</source>
        <translation>Agrandissement du canevas</translation>
    </message>
    <message>
        <source>the saved canvas is incomplete</source>
        <translation>le canevas enregistré est incomplet</translation>
    </message>
    <message>
        <source>undo step %1 is incomplete</source>
        <translation>l&apos;étape d&apos;annulation %1 est incomplète</translation>
    </message>
    <message>
        <source>the undo position is out of range</source>
        <translation>la position d&apos;annulation est hors limites</translation>
    </message>
    <message>
        <source>the undo history does not lead to the saved canvas</source>
        <translation>l&apos;historique d&apos;annulation ne mène pas au canevas enregistré</translation>
    </message>
</context>
<context>
    <name>stipple::ui::ExtendCanvasDialog</name>
    <message>
        <source>Extend Canvas</source>
        <translation>Agrandir le canevas</translation>
    </message>
    <message>
        <source>Add to each side</source>
        <translation>Ajouter de chaque côté</translation>
    </message>
    <message>
        <source>Presets…</source>
        <translation>Préréglages…</translation>
    </message>
    <message>
        <source>Wider: 128 px left and right</source>
        <translation>Plus large&#xa0;: 128 px à gauche et à droite</translation>
    </message>
    <message>
        <source>Taller: 128 px top and bottom</source>
        <translation>Plus haut&#xa0;: 128 px en haut et en bas</translation>
    </message>
    <message>
        <source>All around: 64 px</source>
        <translation>Tout autour&#xa0;: 64 px</translation>
    </message>
    <message>
        <source>To the right: 256 px</source>
        <translation>À droite&#xa0;: 256 px</translation>
    </message>
    <message>
        <source>Square (centred)</source>
        <translation>Carré (centré)</translation>
    </message>
    <message>
        <source>&amp;Top:</source>
        <translation>&amp;Haut&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Left:</source>
        <translation>&amp;Gauche&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Right:</source>
        <translation>&amp;Droite&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Bottom:</source>
        <translation>&amp;Bas&#xa0;:</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>How far into the picture the seam is repainted, fading out</source>
        <translation>Jusqu&apos;où le raccord est repeint dans l&apos;image, en fondu</translation>
    </message>
    <message>
        <source>&amp;Generate the new area now (with the prompt panel&apos;s settings)</source>
        <translation>Générer la &amp;nouvelle zone maintenant (avec les réglages du panneau Prompt)</translation>
    </message>
    <message>
        <source>&amp;Seam:</source>
        <translation>&amp;Raccord&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Extend</source>
        <translation>&amp;Agrandir</translation>
    </message>
    <message>
        <source>%1 × %2 px  →  %3 × %4 px</source>
        <translation>%1 × %2 px  →  %3 × %4 px</translation>
    </message>
    <message>
        <source>  (rounded up to multiples of 8)</source>
        <translation>  (arrondi au multiple de 8 supérieur)</translation>
    </message>
</context>
<context>
    <name>stipple::ui::GenerationController</name>
    <message numerus="yes">
        <source>Generating… (%n more queued)</source>
        <translation>
            <numerusform>Génération… (%n autre en file d&apos;attente)</numerusform>
            <numerusform>Génération… (%n autres en file d&apos;attente)</numerusform>
        </translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>Génération…</translation>
    </message>
    <message>
        <source>Model %1 loaded</source>
        <translation>Modèle %1 chargé</translation>
    </message>
    <message>
        <source>Loading model %1…</source>
        <translation>Chargement du modèle %1…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Cannot load the model</source>
        <translation>Impossible de charger le modèle</translation>
    </message>
    <message>
        <source>Generation failed</source>
        <translation>Échec de la génération</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>The result could not be kept in the history: %1</source>
        <translation>Le résultat n&apos;a pas pu être conservé dans l&apos;historique&#xa0;: %1</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Génération</translation>
    </message>
    <message>
        <source>Done in %1 s (%2 s/it)</source>
        <translation>Terminé en %1 s (%2 s/it)</translation>
    </message>
</context>
<context>
    <name>stipple::ui::GenerationSettings</name>
    <message>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <source>Karras</source>
        <translation>Karras</translation>
    </message>
    <message>
        <source>Exponential</source>
        <translation>Exponentielle</translation>
    </message>
    <message>
        <source>Uniform</source>
        <translation>Uniforme</translation>
    </message>
    <message>
        <source>Classifier-free guidance: how closely the image follows the prompt</source>
        <translation>Classifier-free guidance&#xa0;: degré de fidélité de l&apos;image au prompt</translation>
    </message>
    <message>
        <source>Images generated one after another, with seeds counting up</source>
        <translation>Images générées l&apos;une après l&apos;autre, avec des seeds croissantes</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>Échantillonnage</translation>
    </message>
    <message>
        <source>Sampler:</source>
        <translation>Sampler&#xa0;:</translation>
    </message>
    <message>
        <source>Schedule:</source>
        <translation>Planification&#xa0;:</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>Étapes&#xa0;:</translation>
    </message>
    <message>
        <source>CFG scale:</source>
        <translation>Échelle CFG&#xa0;:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed&#xa0;:</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Taille&#xa0;:</translation>
    </message>
    <message>
        <source>Batch count:</source>
        <translation>Nombre de lots&#xa0;:</translation>
    </message>
    <message>
        <source>How much of the image is repainted: 0 keeps it, 1 ignores it</source>
        <translation>Part de l&apos;image repeinte&#xa0;: 0 la conserve, 1 l&apos;ignore</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Whole picture</source>
        <translation>Image entière</translation>
    </message>
    <message>
        <source>Only masked</source>
        <translation>Zone masquée uniquement</translation>
    </message>
    <message>
        <source>Only masked: renders the masked area at the full output size, for detail</source>
        <translation>Zone masquée uniquement&#xa0;: rend la zone masquée à la pleine taille de sortie, pour plus de détails</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Remplissage</translation>
    </message>
    <message>
        <source>Latent noise</source>
        <translation>Bruit latent</translation>
    </message>
    <message>
        <source>Latent nothing</source>
        <translation>Latent vide</translation>
    </message>
    <message>
        <source>What the masked area starts from</source>
        <translation>Point de départ de la zone masquée</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Force&#xa0;:</translation>
    </message>
    <message>
        <source>Mask blur:</source>
        <translation>Flou du masque&#xa0;:</translation>
    </message>
    <message>
        <source>Inpaint area:</source>
        <translation>Zone d&apos;inpainting&#xa0;:</translation>
    </message>
    <message>
        <source>Padding:</source>
        <translation>Marge&#xa0;:</translation>
    </message>
    <message>
        <source>Masked content:</source>
        <translation>Contenu masqué&#xa0;:</translation>
    </message>
    <message>
        <source>Width in pixels (a multiple of 8)</source>
        <translation>Largeur en pixels (multiple de 8)</translation>
    </message>
    <message>
        <source>Height in pixels (a multiple of 8)</source>
        <translation>Hauteur en pixels (multiple de 8)</translation>
    </message>
    <message>
        <source>Swap width and height</source>
        <translation>Intervertir largeur et hauteur</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Préréglages</translation>
    </message>
    <message>
        <source>Canvas size</source>
        <translation>Taille du canevas</translation>
    </message>
    <message>
        <source>Works at the canvas size, %1 × %2.</source>
        <translation>Travaille à la taille du canevas, %1 × %2.</translation>
    </message>
    <message>
        <source>Rendered at %1 × %2.</source>
        <translation>Rendu en %1 × %2.</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Largeur</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Hauteur</translation>
    </message>
    <message>
        <source>%1 must be a multiple of 8 (it is %2; %3 or %4 would work).</source>
        <translation>%1 doit être un multiple de 8 (valeur actuelle&#xa0;: %2&#xa0;; %3 ou %4 conviendraient).</translation>
    </message>
    <message>
        <source>The canvas (%1 × %2) is larger than 4096 pixels; use “Only masked” inpainting or a smaller image.</source>
        <translation>Le canevas (%1 × %2) dépasse 4096 pixels&#xa0;; utilisez l&apos;inpainting «&#xa0;Zone masquée uniquement&#xa0;» ou une image plus petite.</translation>
    </message>
    <message>
        <source>The seed must be a whole number from 0 to 18446744073709551615, or -1 for random.</source>
        <translation>La seed doit être un nombre entier de 0 à 18446744073709551615, ou -1 pour une seed aléatoire.</translation>
    </message>
</context>
<context>
    <name>stipple::ui::HistoryPanel</name>
    <message>
        <source>Generated images appear here and stay after a restart.</source>
        <translation>Les images générées apparaissent ici et sont conservées après un redémarrage.</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Utiliser</translation>
    </message>
    <message>
        <source>Put this image on the canvas (double-click)</source>
        <translation>Placer cette image sur le canevas (double-clic)</translation>
    </message>
    <message>
        <source>Reuse</source>
        <translation>Réutiliser</translation>
    </message>
    <message>
        <source>Reuse its prompt and settings</source>
        <translation>Réutiliser son prompt et ses réglages</translation>
    </message>
    <message>
        <source>Export a copy…</source>
        <translation>Exporter une copie…</translation>
    </message>
    <message>
        <source>Delete from the history</source>
        <translation>Supprimer de l&apos;historique</translation>
    </message>
    <message>
        <source>Put on Canvas</source>
        <translation>Placer sur le canevas</translation>
    </message>
    <message>
        <source>Reuse Parameters</source>
        <translation>Réutiliser les paramètres</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>The image of this entry is missing: %1</source>
        <translation>L&apos;image de cette entrée est introuvable&#xa0;: %1</translation>
    </message>
    <message>
        <source>Export Image</source>
        <translation>Exporter l&apos;image</translation>
    </message>
    <message>
        <source>PNG image (*.png);;JPEG image (*.jpg *.jpeg);;WebP image (*.webp)</source>
        <translation>Image PNG (*.png);;Image JPEG (*.jpg *.jpeg);;Image WebP (*.webp)</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Exporté&#xa0;: %1</translation>
    </message>
    <message>
        <source>Delete from History</source>
        <translation>Supprimer de l&apos;historique</translation>
    </message>
    <message>
        <source>Delete this image from the history? The file is removed from disk.</source>
        <translation>Supprimer cette image de l&apos;historique&#xa0;? Le fichier sera supprimé du disque.</translation>
    </message>
    <message>
        <source>Export %1 Images…</source>
        <translation>Exporter %1 images…</translation>
    </message>
    <message>
        <source>Delete %1 Images</source>
        <translation>Supprimer %1 images</translation>
    </message>
    <message>
        <source>Export %1 Images Into</source>
        <translation>Exporter %1 images dans</translation>
    </message>
    <message>
        <source>Exported %1 images into %2</source>
        <translation>%1 images exportées dans %2</translation>
    </message>
    <message>
        <source>Exported %1 of %2 images: %3</source>
        <translation>%1 images sur %2 exportées&#xa0;: %3</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <source>the image of %1 is missing</source>
        <translation>l&apos;image de %1 est introuvable</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>impossible d&apos;écrire %1</translation>
    </message>
    <message>
        <source>Delete these %1 images from the history? The files are removed from disk.</source>
        <translation>Supprimer ces %1 images de l&apos;historique&#xa0;? Les fichiers seront supprimés du disque.</translation>
    </message>
</context>
<context>
    <name>stipple::ui::JobProgress</name>
    <message>
        <source>Step %v/%m</source>
        <translation>Étape %v/%m</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
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
        <translation>%1 · reste %2</translation>
    </message>
</context>
<context>
    <name>stipple::ui::MainWindow</name>
    <message>
        <source>Open an image or type a prompt to begin.</source>
        <translation>Ouvrez une image ou saisissez un prompt pour commencer.</translation>
    </message>
    <message>
        <source>Compute device used for generation</source>
        <translation>Périphérique de calcul utilisé pour la génération</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nouveau…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Batch Export…</source>
        <translation>Exporter par &amp;lot…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>C&amp;oller</translation>
    </message>
    <message>
        <source>C&amp;lear Mask</source>
        <translation>&amp;Effacer le masque</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>&amp;Invert Mask</source>
        <translation>&amp;Inverser le masque</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>A&amp;juster à la fenêtre</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Taille réelle</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Show &amp;Mask</source>
        <translation>Afficher le &amp;masque</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modèle</translation>
    </message>
    <message>
        <source>&amp;Load Model…</source>
        <translation>&amp;Charger un modèle…</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Recent Models</source>
        <translation>Modèles &amp;récents</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;About Stipple</source>
        <translation>À &amp;propos de Stipple</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Stipple&lt;/h3&gt;&lt;p&gt;Image generation and inpainting with latent diffusion models.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Stipple&lt;/h3&gt;&lt;p&gt;Génération d&apos;images et inpainting avec des modèles de diffusion latente.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Stipple</source>
        <translation>À propos de Stipple</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Annuler&#xa0;: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Rétablir&#xa0;: %1</translation>
    </message>
    <message>
        <source>&amp;Fill Mask</source>
        <translation>Re&amp;mplir le masque</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Générer</translation>
    </message>
    <message>
        <source>Cancel Generation</source>
        <translation>Annuler la génération</translation>
    </message>
    <message>
        <source>Zoom (Ctrl+0 fits, Ctrl+1 shows actual size)</source>
        <translation>Zoom (Ctrl+0&#xa0;: ajuster à la fenêtre, Ctrl+1&#xa0;: taille réelle)</translation>
    </message>
    <message>
        <source>Canvas size</source>
        <translation>Taille du canevas</translation>
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
        <translation>Image de l&apos;historique</translation>
    </message>
    <message>
        <source>the history</source>
        <translation>l&apos;historique</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>The canvas has changes that are not saved. Save them first?</source>
        <translation>Le canevas contient des modifications non enregistrées. Les enregistrer d&apos;abord&#xa0;?</translation>
    </message>
    <message>
        <source>Prompt and settings taken from %1</source>
        <translation>Prompt et réglages repris de %1</translation>
    </message>
    <message>
        <source>Open Image</source>
        <translation>Ouvrir une image</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.webp *.bmp)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Enregistré&#xa0;: %1</translation>
    </message>
    <message>
        <source>Save Image</source>
        <translation>Enregistrer l&apos;image</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <source>Export Image</source>
        <translation>Exporter l&apos;image</translation>
    </message>
    <message>
        <source>JPEG image (*.jpg *.jpeg);;PNG image (*.png);;WebP image (*.webp);;BMP image (*.bmp)</source>
        <translation>Image JPEG (*.jpg *.jpeg);;Image PNG (*.png);;Image WebP (*.webp);;Image BMP (*.bmp)</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Exporté&#xa0;: %1</translation>
    </message>
    <message>
        <source>Canvas copied</source>
        <translation>Canevas copié</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Collage</translation>
    </message>
    <message>
        <source>The clipboard holds no image</source>
        <translation>Le presse-papiers ne contient aucune image</translation>
    </message>
    <message>
        <source>Load Model</source>
        <translation>Charger un modèle</translation>
    </message>
    <message>
        <source>Stable Diffusion models (*.safetensors model_index.json);;All files (*)</source>
        <translation>Modèles Stable Diffusion (*.safetensors model_index.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Drop Image</source>
        <translation>Image déposée</translation>
    </message>
    <message>
        <source>E&amp;xtend Canvas…</source>
        <translation>A&amp;grandir le canevas…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+E</source>
        <translation>Ctrl+Alt+E</translation>
    </message>
    <message>
        <source>Show the batch export&apos;s progress</source>
        <translation>Afficher la progression de l&apos;export par lot</translation>
    </message>
    <message>
        <source>Batch Export Running</source>
        <translation>Export par lot en cours</translation>
    </message>
    <message>
        <source>A batch export has not finished. Quit and stop it?

Every image it has written is kept; exporting the same batch into the same folder again continues it.</source>
        <translation>Un export par lot n&apos;est pas terminé. Quitter et l&apos;arrêter&#xa0;?

Toutes les images déjà écrites sont conservées&#xa0;; exporter à nouveau le même lot dans le même dossier le reprendra.</translation>
    </message>
    <message>
        <source>Cannot extend the canvas: %1</source>
        <translation>Impossible d&apos;agrandir le canevas&#xa0;: %1</translation>
    </message>
    <message>
        <source>Canvas extended to %1 × %2 px; the new area is masked</source>
        <translation>Canevas agrandi à %1 × %2 px&#xa0;; la nouvelle zone est masquée</translation>
    </message>
    <message numerus="yes">
        <source>Batch export finished: %n written</source>
        <translation>
            <numerusform>Export par lot terminé&#xa0;: %n image écrite</numerusform>
            <numerusform>Export par lot terminé&#xa0;: %n images écrites</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Batch export ended: %n written</source>
        <translation>
            <numerusform>Export par lot interrompu&#xa0;: %n image écrite</numerusform>
            <numerusform>Export par lot interrompu&#xa0;: %n images écrites</numerusform>
        </translation>
    </message>
    <message>
        <source>Batch: %1</source>
        <translation>Lot&#xa0;: %1</translation>
    </message>
    <message>
        <source>Another batch export is writing into %1: choose another folder, or wait for it to finish.</source>
        <translation>Un autre export par lot écrit dans %1&#xa0;: choisissez un autre dossier, ou attendez qu&apos;il se termine.</translation>
    </message>
    <message>
        <source>The autosaved session from %1 cannot be restored: %2.%3</source>
        <translation>La session enregistrée automatiquement le %1 ne peut pas être restaurée&#xa0;: %2.%3</translation>
    </message>
    <message>
        <source> It was kept as %1.</source>
        <translation> Elle a été conservée sous %1.</translation>
    </message>
    <message>
        <source>Restore Session</source>
        <translation>Restaurer la session</translation>
    </message>
    <message>
        <source>Stipple did not close properly. Restore the canvas as it was at %1?</source>
        <translation>Stipple ne s&apos;est pas fermé correctement. Restaurer le canevas tel qu&apos;il était le %1&#xa0;?</translation>
    </message>
    <message>
        <source>one undo step</source>
        <translation>une étape d&apos;annulation</translation>
    </message>
    <message>
        <source>%1 undo steps</source>
        <translation>%1 étapes d&apos;annulation</translation>
    </message>
    <message>
        <source>%1, %2 × %3 px, %4</source>
        <translation>%1, %2 × %3 px, %4</translation>
    </message>
    <message>
        <source>Prompt: %1</source>
        <translation>Prompt&#xa0;: %1</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Abandonner</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>Plus &amp;tard</translation>
    </message>
    <message>
        <source>Keep the autosaved session and ask again at the next start</source>
        <translation>Conserver la session enregistrée automatiquement et redemander au prochain démarrage</translation>
    </message>
    <message>
        <source>The canvas was restored without its undo history: %1.</source>
        <translation>Le canevas a été restauré sans son historique d&apos;annulation&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Session restored</source>
        <translation>Session restaurée</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>Pré&amp;férences…</translation>
    </message>
    <message>
        <source>Language, theme and threads change when Stipple starts again.</source>
        <translation>La langue, le thème et les threads changent au prochain démarrage de Stipple.</translation>
    </message>
    <message>
        <source>Canvas</source>
        <translation>Canevas</translation>
    </message>
    <message>
        <source>&amp;Prompt Panel</source>
        <translation>Panneau &amp;Prompt</translation>
    </message>
    <message>
        <source>&amp;History Panel</source>
        <translation>Panneau &amp;Historique</translation>
    </message>
</context>
<context>
    <name>stipple::ui::MessageBar</name>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>stipple::ui::ModelChooser</name>
    <message>
        <source>No model – Load Model…</source>
        <translation>Aucun modèle – Charger un modèle…</translation>
    </message>
    <message>
        <source>Load a model (.safetensors file or diffusers folder)</source>
        <translation>Charger un modèle (fichier .safetensors ou dossier diffusers)</translation>
    </message>
    <message>
        <source>%1 (bundled)</source>
        <translation>%1 (intégré)</translation>
    </message>
</context>
<context>
    <name>stipple::ui::NewCanvasDialog</name>
    <message>
        <source>New Canvas</source>
        <translation>Nouveau canevas</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personnalisé</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Préréglage&#xa0;:</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>Largeur&#xa0;:</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>Hauteur&#xa0;:</translation>
    </message>
</context>
<context>
    <name>stipple::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>&amp;Engine</source>
        <translation>&amp;Moteur</translation>
    </message>
    <message>
        <source>&amp;Folders</source>
        <translation>&amp;Dossiers</translation>
    </message>
    <message>
        <source>&amp;Interface</source>
        <translation>&amp;Interface</translation>
    </message>
    <message>
        <source>Language, theme and threads take effect when Stipple starts again.</source>
        <translation>La langue, le thème et les threads prennent effet au prochain démarrage de Stipple.</translation>
    </message>
    <message>
        <source>Automatic (the GPU when there is one)</source>
        <translation>Automatique (le GPU s&apos;il y en a un)</translation>
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
        <translation>CUDA GPU (aucun trouvé)</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Périphérique&#xa0;:</translation>
    </message>
    <message>
        <source>Automatic (fp16 on a GPU, bf16 on CPUs that are fast at it)</source>
        <translation>Automatique (fp16 sur un GPU, bf16 sur les CPU qui le traitent rapidement)</translation>
    </message>
    <message>
        <source>fp32 (exact, slowest)</source>
        <translation>fp32 (exact, le plus lent)</translation>
    </message>
    <message>
        <source>bf16</source>
        <translation>bf16</translation>
    </message>
    <message>
        <source>fp16 (GPU only)</source>
        <translation>fp16 (GPU uniquement)</translation>
    </message>
    <message>
        <source>&amp;Precision:</source>
        <translation>Pré&amp;cision&#xa0;:</translation>
    </message>
    <message>
        <source>All (%1)</source>
        <translation>Tous (%1)</translation>
    </message>
    <message>
        <source>CPU threads for the engine; 0 uses every CPU this process may run on</source>
        <translation>Threads CPU pour le moteur&#xa0;; 0 utilise tous les CPU sur lesquels ce processus peut s&apos;exécuter</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>&amp;Threads&#xa0;:</translation>
    </message>
    <message>
        <source>Approximate (fast)</source>
        <translation>Approximatif (rapide)</translation>
    </message>
    <message>
        <source>Full (decoded by the VAE)</source>
        <translation>Complet (décodé par le VAE)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Pre&amp;view:</source>
        <translation>&amp;Aperçu&#xa0;:</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> étapes</translation>
    </message>
    <message>
        <source>A full preview costs about one VAE decode; fewer previews keep sampling fast</source>
        <translation>Un aperçu complet coûte environ un décodage VAE&#xa0;; moins d&apos;aperçus gardent l&apos;échantillonnage rapide</translation>
    </message>
    <message>
        <source>Preview &amp;every:</source>
        <translation>Inter&amp;valle d&apos;aperçu&#xa0;:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Choisir un dossier</translation>
    </message>
    <message>
        <source>Choose a Folder</source>
        <translation>Choisir un dossier</translation>
    </message>
    <message>
        <source>&amp;Images:</source>
        <translation>Ima&amp;ges&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Batch exports:</source>
        <translation>&amp;Exports par lot&#xa0;:</translation>
    </message>
    <message>
        <source>Checkpoints (.safetensors) and diffusers folders in these folders appear in the model list</source>
        <translation>Les checkpoints (.safetensors) et les dossiers diffusers présents dans ces dossiers apparaissent dans la liste des modèles</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>&amp;Model folders:</source>
        <translation>Dossiers de m&amp;odèles&#xa0;:</translation>
    </message>
    <message>
        <source>Add a Model Folder</source>
        <translation>Ajouter un dossier de modèles</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>&amp;Thème&#xa0;:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How often the session is autosaved while it changes (and always after a generation)</source>
        <translation>Fréquence de la sauvegarde automatique de la session pendant qu&apos;elle change (et toujours après une génération)</translation>
    </message>
    <message>
        <source>&amp;Autosave every:</source>
        <translation>Intervalle de &amp;sauvegarde automatique&#xa0;:</translation>
    </message>
    <message>
        <source>fp16 runs on a CUDA GPU only; on the CPU choose bf16, fp32 or Automatic.</source>
        <translation>fp16 ne fonctionne que sur un GPU CUDA&#xa0;; sur le CPU, choisissez bf16, fp32 ou «&#xa0;Automatique&#xa0;».</translation>
    </message>
    <message>
        <source>This CPU has no fast bf16 instructions: bf16 will be slower than fp32 here.</source>
        <translation>Ce CPU n&apos;a pas d&apos;instructions bf16 rapides&#xa0;: bf16 sera ici plus lent que fp32.</translation>
    </message>
    <message>
        <source>The engine will run as: %1.</source>
        <translation>Le moteur fonctionnera avec&#xa0;: %1.</translation>
    </message>
    <message>
        <source> step</source>
        <translation> étape</translation>
    </message>
</context>
<context>
    <name>stipple::ui::PromptEdit</name>
    <message>
        <source>Tokens used / available. Long prompts are split into chunks of 75 tokens.</source>
        <translation>Tokens utilisés / disponibles. Les prompts longs sont découpés en blocs de 75 tokens.</translation>
    </message>
</context>
<context>
    <name>stipple::ui::PromptPanel</name>
    <message>
        <source>Describe the image: a lighthouse on a cliff at dusk, oil painting</source>
        <translation>Décrivez l&apos;image&#xa0;: un phare sur une falaise au crépuscule, peinture à l&apos;huile</translation>
    </message>
    <message>
        <source>What to avoid: blurry, low quality</source>
        <translation>À éviter&#xa0;: flou, basse qualité</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modèle</translation>
    </message>
    <message>
        <source>&amp;Prompt</source>
        <translation>&amp;Prompt</translation>
    </message>
    <message>
        <source>&amp;Negative prompt</source>
        <translation>Prompt &amp;négatif</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Générer</translation>
    </message>
    <message>
        <source>Image to Image</source>
        <translation>Image vers image</translation>
    </message>
    <message>
        <source>Inpaint</source>
        <translation>Inpainting</translation>
    </message>
    <message>
        <source>A new image from the prompt alone</source>
        <translation>Une nouvelle image à partir du prompt seul</translation>
    </message>
    <message>
        <source>A new image that starts from the canvas</source>
        <translation>Une nouvelle image qui part du canevas</translation>
    </message>
    <message>
        <source>Repaint the masked part of the canvas</source>
        <translation>Repeindre la partie masquée du canevas</translation>
    </message>
    <message>
        <source>Generate (Ctrl+Enter)</source>
        <translation>Générer (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel the running job (Esc)</source>
        <translation>Annuler la tâche en cours (Esc)</translation>
    </message>
    <message>
        <source>Choose a model first: Model ▸ Load Model… (a .safetensors file or a diffusers folder).</source>
        <translation>Choisissez d&apos;abord un modèle&#xa0;: Modèle ▸ Charger un modèle… (un fichier .safetensors ou un dossier diffusers).</translation>
    </message>
    <message>
        <source>Inpainting needs a mask: paint over the part to repaint, or switch to Image to Image.</source>
        <translation>L&apos;inpainting nécessite un masque&#xa0;: peignez sur la partie à repeindre, ou passez en mode Image vers image.</translation>
    </message>
    <message numerus="yes">
        <source>%n more queued</source>
        <translation>
            <numerusform>%n autre en file d&apos;attente</numerusform>
            <numerusform>%n autres en file d&apos;attente</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stipple::ui::RecentList</name>
    <message>
        <source>Clear List</source>
        <translation>Effacer la liste</translation>
    </message>
</context>
<context>
    <name>stipple::ui::SeedField</name>
    <message>
        <source>Random</source>
        <translation>Aléatoire</translation>
    </message>
    <message>
        <source>The same seed, prompt and settings give the same image. Empty or -1: a new random seed each time.</source>
        <translation>La même seed, le même prompt et les mêmes réglages donnent la même image. Vide ou -1&#xa0;: une nouvelle seed aléatoire à chaque fois.</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>Seed aléatoire</translation>
    </message>
    <message>
        <source>Reuse the seed of the last result</source>
        <translation>Réutiliser la seed du dernier résultat</translation>
    </message>
    <message>
        <source>Reuse the seed of the last result (%1)</source>
        <translation>Réutiliser la seed du dernier résultat (%1)</translation>
    </message>
</context>
</TS>
