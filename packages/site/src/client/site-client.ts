// Every page: mark that scripts run (the no-script notes hide), nothing else.
document.documentElement.classList.add('js');
