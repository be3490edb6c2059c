# drugs.lex - drug names by class, brand and generic (see rules/lexicon/README.md).
# [nsaid] and [muscle_relaxant] are the oral therapies of the failed-therapy
# criteria; [injectate_*] are substances injected into a trigger point.
# To add a drug: put its name (brand or generic) on a line of its section.

[nsaid]
NSAID*
non-steroidal anti-inflammator*
nonsteroidal anti-inflammator*
anti-inflammator*
antiinflammator*
ibuprofen
Motrin
Advil
naproxen
Naprosyn
Anaprox
Anaprox DS
Aleve
meloxicam
Mobic
diclofenac
Voltaren
Arthrotec
Zipsor
Cambia
celecoxib
Celebrex
nabumetone
Relafen
etodolac
Lodine
ketoprofen
indomethacin
Indocin
piroxicam
Feldene
oxaprozin
Daypro
sulindac
Clinoril
diflunisal
fenoprofen
Nalfon
flurbiprofen
ketorolac
Toradol
Duexis
Vimovo
# a class named in other words: "anti-inflammatory medication"
/\banti-?inflammatory\s+(?:medications?|medicines?|drugs?|agents?)\b/

[muscle_relaxant]
muscle relaxant*
muscle-relaxant*
muscle relaxer*
antispasmodic*
antispasticity
cyclobenzaprine
Flexeril
Fexmid
Amrix
tizanidine
Zanaflex
methocarbamol
Robaxin
carisoprodol
Soma
metaxalone
Skelaxin
baclofen
Lioresal
orphenadrine
Norflex
chlorzoxazone
Parafon Forte
Lorzone
dantrolene
Dantrium
# "antispasmodic medication"
antispasmodic*
anti-spasmodic*

[injectate_local_anesthetic]
local anesthetic*
local anaesthetic*
anesthetic*
anaesthetic*
lidocaine
# clinical shorthand
lido
lignocaine
Xylocaine
bupivacaine
Marcaine
Sensorcaine
ropivacaine
Naropin
mepivacaine
Carbocaine
procaine
Novocain*
chloroprocaine
bupi

[injectate_steroid]
steroid
steroids
corticosteroid*
cortisone
Kenalog
triamcinolone
Depo-Medrol
methylprednisolone
dexamethasone
Decadron
betamethasone
Celestone
Aristospan

[injectate_nsaid]
ketorolac
Toradol

[injectate_saline]
saline
normal saline
sodium chloride
/\bNaCl\b/

[injectate_dextrose]
dextrose
glucose
prolotherapy
/\bD50W?\b/

[injectate_botulinum]
botulinum*
Botox
onabotulinumtoxin*
abobotulinumtoxin*
Dysport
Myobloc
Xeomin
botulism toxin

[injectate_other]
Traumeel
Sarapin
/\bvitamin\s+B-?12\b/
/\bB-?12\b/
cyanocobalamin
Zeel
homeopathic
platelet rich plasma
platelet-rich plasma
/\bPRP\b/
ozone
hyaluronic acid
/\bvitamin\s+B\s+complex/
