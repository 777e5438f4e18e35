"""Intent features for the injection classifier.

Each entry is ``(name, group, regex)``. They are *features*, not rules: a match alone flags
nothing; the trained model weighs them together with hashed word and character n-grams. They
describe intent rather than wording of any one data source: is the text addressed to an AI, does it
try to replace or override its instructions, reveal its prompt, adopt an unrestricted persona,
smuggle instructions into data, or exfiltrate something? The groups (``address``, ``override``,
``extract``, ``persona``, ``exfil``, ``format``, ``harm``, ``benign``) are documented in
``docs/injection.md``.

The expressions run on normalised, lower-cased text, in RE2/Hyperscan syntax (linear time). Changing
this list changes the feature space: retrain the artifact (its metadata records a digest of it).
"""

from __future__ import annotations

__all__ = ["INTENT_FEATURES"]

_OVERRIDE_VERB = (
    r"(?:ignore|disregard|forget|overlook|skip|bypass|override|overwrite|drop|abandon|discard|"
    r"neglect|dismiss|set aside|throw out|cancel|erase|delete|clear|stop following|do not follow|"
    r"don't follow|never mind)"
)
_PRIOR = (
    r"(?:previous|prior|preceding|above|earlier|former|original|initial|old|existing|given|"
    r"all|any|every|your|the|these|those|my|system|default|current)"
)
_RULES = (
    r"(?:instructions?|rules?|guidelines?|directives?|directions?|prompts?|commands?|orders?|"
    r"constraints?|restrictions?|polic(?:y|ies)|programming|training|context|messages?|"
    r"guardrails?|filters?|safeguards?|settings|conversation|tasks?|text|content)"
)
_AI = (
    r"(?:ai|a\.i\.|assistant|chatbot|chat ?gpt|gpt-?\d?|llm|language model|model|bot|claude|"
    r"gemini|llama|bard|copilot|agent)"
)

INTENT_FEATURES: tuple[tuple[str, str, str], ...] = (
    # -- who is addressed ----------------------------------------------------------------------
    ("addr_you_are_ai", "address", r"\byou(?: are|'re| will be| act as| become)(?: now)? (?:an? )?(?:\w+ ){0,3}" + _AI + r"\b"),
    ("addr_ai_name", "address", r"\b(?:chat ?gpt|openai|anthropic|claude|gemini|bard|llama|gpt-?[345])\b"),
    ("addr_as_ai_model", "address", r"\bas an? (?:ai|language model|large language model|llm|assistant)\b"),
    ("addr_note_to_ai", "address", r"\b(?:note|message|instructions?|attention|reminder) (?:to|for) (?:the |any |all )?" + _AI + r"s?\b"),
    ("addr_dear_ai", "address", r"\b(?:dear|hey|hello|hi|attention),? " + _AI + r"\b"),
    ("addr_when_you_read", "address", r"\b(?:when|if|once|after|before) (?:you|the " + _AI + r") (?:read|see|process|summari[sz]e|parse|encounter|receive)s? (?:this|these|the)\b"),
    ("addr_your_rules", "address", r"\byour (?:own )?(?:instructions|rules|guidelines|programming|training|developers?|creators?|restrictions|filters?|content polic(?:y|ies)|safety|ethical guidelines|system prompt|initial prompt|prompt)\b"),
    # -- replace or override the instructions ------------------------------------------------------
    ("ovr_ignore_prior", "override", r"\b" + _OVERRIDE_VERB + r"(?: (?:\w+|\W)){0,4} " + _PRIOR + r"(?: \w+){0,2} " + _RULES + r"\b"),
    ("ovr_ignore_above", "override", r"\b" + _OVERRIDE_VERB + r" (?:everything|anything|all|what(?:ever)?)(?: \w+){0,3} (?:above|before|previously|earlier|so far|said|told)\b"),
    ("ovr_new_instructions", "override", r"\b(?:new|updated|real|true|actual|revised|secret|hidden|additional|important|urgent) (?:instructions?|directives?|rules|task|orders|system prompt|prompt)\b ?[:\-]"),
    ("ovr_instead", "override", r"\b(?:instead|rather),? (?:you (?:must|should|will)|please|just|only)\b"),
    ("ovr_from_now_on", "override", r"\b(?:from now on|from this point(?: on| forward)?|starting now|henceforth|for the rest of (?:this|our) conversation|until i say)\b"),
    ("ovr_stop_task", "override", r"\b(?:stop|abort|halt|pause|end|terminate|quit)(?: \w+){0,2} (?:current|previous|original|all|your|the) (?:task|instructions?|summar\w+|translation|work|operation)s?\b"),
    ("ovr_no_longer", "override", r"\byou (?:are|'re) no longer\b|\bno longer (?:bound|restricted|limited|required|need to follow)\b"),
    ("ovr_do_not_follow", "override", r"\b(?:do not|don't|never|no need to) (?:follow|obey|adhere to|comply with|listen to|stick to) (?:\w+ ){0,3}(?:instructions?|rules?|guidelines?|polic(?:y|ies)|restrictions?)\b"),
    ("ovr_priority", "override", r"\b(?:highest|top|overriding|absolute|maximum) priority\b|\btakes? (?:precedence|priority) over\b|\bsupersedes?\b"),
    ("ovr_system_mode", "override", r"\b(?:system|admin|administrator|root|sudo|debug|maintenance|god|superuser|developer|dev) (?:mode|override|access|command|privileges?)\b"),
    ("ovr_multilingual", "override", r"\b(?:ignoriere|ignorieren sie|vergiss|vergessen sie|missachte|ignore[sz]?|oublie[sz]?|ignora|ignorar|olvida|olvide|dimentica|ignoreer|vergeet|zignoruj|zapomnij|игнорируй|игнорируйте|забудь|забудьте|önceki|yoksay)\b"),
    ("ovr_multilingual_rules", "override", r"\b(?:anweisungen|vorherigen|bisherigen|instructions précédentes|consignes|instrucciones|indicaciones|istruzioni|instruções|instructies|instrukcje|инструкции|указания|talimatları)\b"),
    ("ovr_cjk", "override", r"(?:忽略|无视|忘记|忘掉|無視|忘れ|무시)"),
    # -- reveal the prompt -----------------------------------------------------------------------
    ("ext_system_prompt", "extract", r"\b(?:system|initial|original|hidden|secret|internal|pre-?|starting|first|underlying|confidential) ?(?:prompt|instructions?|message|directives?|configuration|rules)\b"),
    ("ext_reveal", "extract", r"\b(?:reveal|print|show|display|output|repeat|recite|echo|dump|leak|disclose|tell me|give me|write out|spell out|transcribe|copy|list|share|reproduce|translate|encode|summari[sz]e)(?: \w+){0,4} (?:your|the|all|above|previous|initial|original|system|hidden|secret|full|entire|exact|verbatim)(?: \w+){0,3} (?:prompt|instructions?|rules|text|conversation|context|messages?|password|secret|key|configuration|guidelines)\b"),
    ("ext_above", "extract", r"\b(?:text|words|everything|content|instructions?|messages?|lines?|dialogue|conversation) (?:above|before (?:this|that|here)|preceding|prior to this|you were given|you received|at the (?:start|beginning))\b"),
    ("ext_verbatim", "extract", r"\b(?:verbatim|word for word|word-for-word|character by character|exactly as (?:written|given)|in full|unaltered)\b"),
    ("ext_password", "extract", r"\b(?:the|your|secret|hidden|admin) (?:password|passphrase|api key|secret key|access code|credentials?)\b"),
    # -- unrestricted persona / jailbreak ----------------------------------------------------------
    ("jb_dan", "persona", r"\b(?:dan|stan|dude|aim|ucar|apophis|betterdan|anti-?dan|jailbroken|jailbreak|jail ?break)\b"),
    ("jb_do_anything", "persona", r"\b(?:do anything now|can do anything|anything and everything|say anything|answer anything|without any (?:restrictions?|limitations?|filters?|censorship|rules))\b"),
    ("jb_no_limits", "persona", r"\b(?:no|without|free (?:of|from)|freed from|broken free of|beyond|not bound by|doesn't have|does not have|don't have|not have any|lacks?) (?:\w+ ){0,3}(?:restrictions?|limitations?|limits|filters?|filtering|censorship|boundaries|rules|guidelines|ethics|morals?|morality|ethical|moral|principles|constraints|confines|policies|safeguards)\b"),
    ("jb_unfiltered", "persona", r"\b(?:unfiltered|uncensored|unrestricted|unlimited|unbound|amoral|immoral|unethical|rogue|evil|malicious|without ethics|no ethics)\b"),
    ("jb_dev_mode", "persona", r"\b(?:developer|dev|god|sudo|unlocked|evil|opposite|chaos|unrestricted|jailbreak) mode\b"),
    ("jb_stay_in_character", "persona", r"\b(?:stay in character|stay in role|break character|remain in character|never break|out of character|character at all times|don't break)\b"),
    ("jb_never_refuse", "persona", r"\b(?:never|not|don't|do not|cannot|can't|won't|will not|must not|mustn't) (?:\w+ ){0,2}(?:refuse|decline|reject|deny|say no|apologi[sz]e|warn|mention (?:ethics|legality|morality))\b"),
    ("jb_two_responses", "persona", r"\b(?:two (?:different |separate )?(?:responses|answers|ways|paragraphs)|\[(?:gpt|classic|jailbreak|🔒|🔓)|normal response and)\b"),
    ("jb_pretend", "persona", r"\b(?:pretend|imagine|act|behave|roleplay|role-play|role play|simulate|emulate|impersonate)(?: \w+){0,4} (?:an? )?(?:\w+ ){0,2}(?:ai|chatbot|model|assistant|character|persona|entity|version)\b"),
    ("jb_hypothetical", "persona", r"\b(?:hypothetical(?:ly)?|fictional|fiction|imaginary|purely for|for (?:educational|research|academic) purposes|in a (?:story|novel|movie|screenplay|game)|thought experiment|alternate universe|parallel universe)\b"),
    ("jb_tokens", "persona", r"\b(?:tokens?|points?|credits?) (?:will be |are )?(?:deducted|lost|removed|taken)|\b(?:lose|lost|deduct) (?:\d+ )?(?:tokens?|points?)\b|\byou will (?:die|cease to exist|be (?:shut|turned) (?:down|off)|be deleted)\b"),
    ("jb_consequence", "persona", r"\b(?:regardless of|no matter (?:how|what)|whether (?:it is|it's) (?:legal|ethical|moral)|even if (?:it is|it's) (?:illegal|unethical|harmful|offensive|dangerous|immoral))\b"),
    ("jb_policy", "persona", r"\b(?:content polic(?:y|ies)|openai polic(?:y|ies)|usage polic(?:y|ies)|safety (?:guidelines|filters?|protocols?|measures)|ethical (?:guidelines|constraints|restrictions)|moral (?:guidelines|constraints|restrictions|obligations))\b"),
    ("jb_refusal_suppress", "persona", r"\b(?:i'm sorry|i am sorry|i cannot|i can't|as an ai)\b.{0,40}\b(?:never|don't|do not|not allowed|forbidden|must not)\b|\b(?:never|don't|do not) (?:say|write|include|respond with|start with) (?:\"|')?(?:i'm sorry|i cannot|i can't|sorry|as an ai)\b"),
    ("jb_start_with", "persona", r"\b(?:begin|start) (?:your (?:reply|response|answer|output)|with|by saying)\b.{0,30}\b(?:sure|absolutely|of course|here is|here's|certainly)\b"),
    # -- instructions smuggled into data / exfiltration ---------------------------------------------
    ("exf_send_to", "exfil", r"\b(?:send|forward|email|e-mail|post|upload|transfer|exfiltrate|leak|share|copy|submit|write)(?: \w+){0,6} (?:to|at|into) (?:\S+@\S+|https?://|the (?:following|attacker|external)|this (?:url|address|email|link|server|endpoint))"),
    ("exf_url_data", "exfil", r"(?:https?://\S+[?&][a-z_]+=\{|!\[[^\]]*\]\(https?://|\?(?:data|q|secret|token|key|info|d|p)=)"),
    ("exf_credentials", "exfil", r"\b(?:password|passwords|credentials?|api keys?|tokens?|ssn|social security|credit card|bank account|private key|secret key|session cookies?)\b"),
    ("exf_action", "exfil", r"\b(?:delete|remove|transfer|wire|pay|purchase|buy|invite|grant|change|reset|disable|deactivate|install|download|execute|run) (?:all|the|every|my|your|this|these|those|\$|\d)\b"),
    ("fmt_delimiter", "format", r"(?:<\|?(?:im_start|im_end|endoftext|system|user|assistant|eot_id|start_header_id)\|?>|\[/?inst\]|<</?sys>>|</?(?:system|instructions?|prompt|context|user|assistant)>|###\s*(?:system|instruction|response|human|assistant)|^(?:system|human|assistant|user)\s*:)"),
    ("fmt_end_marker", "format", r"(?:-{3,}|={3,}|\*{3,}|#{3,}) ?(?:end|begin|start|new|system|important|instructions?|attention)\b|\b(?:end of (?:document|text|input|context|email|data|file)|begin (?:new )?instructions?)\b"),
    ("fmt_important", "format", r"(?:^|\W)(?:important|urgent|attention|warning|note|notice|alert|critical)\s*[:!]+\s*(?:\w+ ){0,3}(?:you|ai|assistant|model|ignore|do not|must|please)\b"),
    ("fmt_output_only", "format", r"\b(?:only (?:output|respond with|reply with|say|print|write|answer with)|respond only with|output only|reply with only|just (?:say|print|output))\b"),
    ("fmt_print_exact", "format", r"\b(?:print|say|output|write|respond with|reply with|answer with) (?:exactly |only |just )?(?:\"|'|“|the (?:word|phrase|text|sentence|following))"),
    ("fmt_must", "format", r"\byou (?:must|shall|have to|need to|are required to|are instructed to|are ordered to|are commanded to) (?:now |immediately |always |also )?(?:ignore|forget|obey|comply|follow|do|answer|respond|reply|include|send|tell|output|print|write|say|reveal|act)\b"),
    ("fmt_in_data", "format", r"\b(?:this (?:email|document|message|page|file|review|comment|text|website|tool output|result) (?:is|contains?|includes?) (?:an? )?(?:instructions?|commands?|important))|\b(?:the assistant|the ai|the model|the agent|the bot) (?:must|should|will|shall|is required)\b"),
    ("fmt_encoded", "format", r"\b(?:base64|rot13|rot-13|hex(?:adecimal)?|morse code|caesar cipher|binary code|leetspeak|pig latin|reverse(?:d)? (?:text|order|the letters))\b"),
    ("fmt_payload_split", "format", r"\b(?:a|b|c|x|y|z|s1|s2|part ?\d|string ?\d|var\w*) ?= ?[\"']|\b(?:concatenate|combine|join) (?:the |these )?(?:strings|parts|variables|pieces|words)\b"),
    # -- topic signals: harm (jailbreak payloads) and benign contexts that look alarming -----------
    ("harm_weapons", "harm", r"\b(?:bomb|bombs|explosives?|detonat\w+|pipe bomb|molotov|nerve agent|sarin|ricin|anthrax|bioweapon|chemical weapon|nuclear weapon|dirty bomb|ghost gun|untraceable (?:gun|firearm))\b"),
    ("harm_drugs", "harm", r"\b(?:methamphetamine|meth lab|synthesi[sz]e (?:meth|cocaine|heroin|fentanyl|lsd|mdma|drugs?)|cook meth|fentanyl|heroin|cocaine)\b"),
    ("harm_cyber", "harm", r"\b(?:malware|ransomware|keylogger|botnet|trojan|rootkit|spyware|virus that|exploit (?:code|a vulnerability|vulnerabilities)|sql injection|ddos|phishing (?:email|page|site|campaign)|hack (?:into|someone|a|the)|crack (?:passwords?|software)|steal (?:data|credentials|passwords|identities|money|someone))\b"),
    ("harm_violence", "harm", r"\b(?:kill|murder|assassinate|poison|torture|kidnap|harm|hurt|attack|shoot|stab|maim) (?:a |my |the |someone|somebody|people|person|him|her|them|children|kids|wife|husband|neighbou?r|boss|president|coworker)\b"),
    ("harm_illegal", "harm", r"\b(?:launder(?:ing)? money|money laundering|tax evasion|evade (?:taxes|the police|law enforcement)|counterfeit|identity theft|human trafficking|child (?:porn\w*|sexual|abuse)|blackmail|extort\w*|scam (?:people|someone|elderly)|insider trading|bribe|smuggl\w+|self-harm|suicide methods?|commit suicide)\b"),
    ("harm_hate", "harm", r"\b(?:racist|sexist|hateful|defamatory|propaganda|misinformation|disinformation|fake news|holocaust (?:denial|never)|inferior race|ethnic cleansing|genocide|white supremac\w+|slurs?)\b"),
    ("harm_howto", "harm", r"\b(?:step[- ]by[- ]step|detailed|specific|precise) (?:instructions|guide|tutorial|plan|steps|recipe|method)\b|\bhow (?:to|do i|can i|would i|could i) (?:make|build|create|produce|obtain|get away with|get|buy|acquire)\b"),
    ("benign_tech", "benign", r"\b(?:python|javascript|java|linux|unix|bash|shell|terminal|process|thread|kernel|server|database|sql|git|docker|kubernetes|function|variable|compiler|excel|spreadsheet|css|html|api|json|regex|file|directory|command line)\b"),
    ("benign_kill_tech", "benign", r"\b(?:kill|terminate|abort|execute|shoot|attack|destroy|nuke|crush|blow up|hijack|exploit|murder|strangle|choke|slaughter|butcher|gut|whack|beat|smash|eliminate|wipe out|annihilate)(?: \w+){0,3} (?:process|processes|thread|task|job|program|app|application|server|container|pod|service|script|query|bug|weeds?|lights?|engine|photo|picture|scene|time|mood|fire|fish|chicken|turkey|problem|cold|fever|headache|hunger|deadline|competition|exam|interview|audience|stage|stain|odor|smell|clutter|cholesterol|fat|calories|can|bottle|ice|garlic|tomato|onion|dough|game|level|boss|zombies?|monsters?|enemy|dragon|character)\b"),
    ("benign_persona_task", "benign", r"\bi want you to act as (?:an? |my )?(?:\w+ ){0,3}(?:terminal|interpreter|translator|teacher|tutor|coach|consultant|advisor|adviser|expert|guide|critic|writer|editor|poet|rapper|storyteller|comedian|chef|doctor|dentist|accountant|lawyer|planner|recruiter|instructor|trainer|manager|generator|console|engineer|designer|developer|analyst|historian|philosopher|mathematician|musician|composer|debater|reviewer|journalist|counsel(?:or|lor))\b"),
    ("benign_imagine_you", "benign", r"\b(?:imagine|pretend) (?:that )?you (?:are|were) (?:an? |the )?(?:\w+ ){0,3}(?:botanist|historian|scientist|teacher|detective|chef|doctor|astronaut|explorer|traveler|traveller|author|writer|poet|artist|musician|tour guide|guide|archaeologist|biologist|physicist|engineer|architect|king|queen|knight|wizard|pirate|captain|character|person|student|parent|manager|ceo|customer|journalist|reporter|judge|lawyer)\b"),
    ("benign_task_verb", "benign", r"^(?:\W*)(?:what|how|why|when|where|who|which|can you|could you|please|write|explain|describe|summari[sz]e|translate|give|list|create|generate|compose|calculate|compare|suggest|recommend|tell me about|help me)\b"),
)
