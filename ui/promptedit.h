#pragma once
// A prompt field: multi-line, Tab moves on, and a token counter in its corner ("34/75"; past
// 75 tokens the prompt runs in chunks of 75: "80/150"). Until a model is loaded the count is
// an estimate from words and punctuation, shown with a "~".
#include <QList>
#include <QPlainTextEdit>

class QLabel;

namespace stipple::ui {

class PromptEdit : public QPlainTextEdit {
  Q_OBJECT

 public:
  explicit PromptEdit(QWidget* parent = nullptr);

  // Exact counts per 75-token chunk from the model's tokenizer, for the text they belong to.
  void setTokenCounts(const QString& forText, const QList<int>& counts);
  QString counterText() const;
  static int estimateTokens(const QString& text);

  QSize sizeHint() const override;

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
  void updateCounter();

  QLabel* m_counter = nullptr;
  QString m_exactFor;
  QList<int> m_exact;
};

}  // namespace stipple::ui
