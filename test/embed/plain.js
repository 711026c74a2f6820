// A partner's own script on a plain HTML page: listen for the widget's events like any DOM event.
const survey = document.querySelector('carer-survey');
survey.addEventListener('carer-submit', (event) => {
  document.body.dataset.submitted = event.detail.envelope.instrument.id;
});
survey.addEventListener('carer-sent', () => {
  document.getElementById('thanks').hidden = false;
});
