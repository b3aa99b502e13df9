"""The most frequent words of Swahili news prose: enough of them in a text says it is Swahili."""
from __future__ import annotations

# Frequent words of Swahili news prose, written for Habari (service/language_id.py adds
# word shapes). They first missed every word of 11 of the 1,006 VOA Swahili headlines,
# whose words were then added; of 8,805 4-word openings of VOA paragraphs, not used to
# choose them, 61 are refused: an English placeholder of the scrape, English phrases, and
# names with titles (benchmarks/README.md, `python -m benchmarks.language_check`).
COMMON_WORDS = frozenset(
    """
    na wa ya za la cha vya kwa ni si katika kwamba kuwa huo hiyo hilo hizo hao huu hii hili
    hizi hawa yake wake zake lake chake vyake kwake wao yao zao lao kwao sisi wewe yeye mimi
    siyo ndiyo ndio bado tena pia sana zaidi kabla baada wakati tangu hadi mpaka kati juu chini
    ndani nje karibu mbali kuhusu dhidi bila kama lakini ila au wala ili kila baadhi wengi mengi
    nyingi kubwa ndogo mpya nzuri bora pamoja hata sasa leo jana kesho mwaka miaka mwezi miezi
    wiki siku saa asubuhi jioni usiku mchana rais waziri mawaziri serikali bunge wabunge chama
    vyama mkoa mikoa wilaya mji miji nchi taifa kitaifa watu wananchi wanafunzi walimu polisi
    jeshi mahakama kesi habari afya elimu maji umeme barabara shule hospitali kazi fedha pesa bei
    soko uchaguzi kura vita amani mkutano ripoti taarifa tume kampuni benki shirika umoja mataifa
    dunia marekani uingereza ufaransa urusi uchina afrika kusini kaskazini mashariki magharibi
    jaji papa kanisa msikiti mapigano makali mashambulizi shambulizi matangazo wahamiaji
    jumatatu jumanne jumatano alhamisi ijumaa jumamosi jumapili januari februari machi aprili mei
    juni julai agosti septemba oktoba novemba desemba moja mbili tatu nne tano sita saba nane
    tisa kumi ishirini mia elfu milioni bilioni mvua njaa maafa mafuriko ajali vifo wakimbizi
    mgomo maandamano ghasia
    """.split()
)
